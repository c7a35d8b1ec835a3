"""Test helpers shared by the apps' test suites."""

import threading

from django.db import connection


def run_at_once(functions) -> tuple[list, list[Exception]]:
    """Run each function in its own thread, all released together by a barrier; return (results, errors).

    Each thread closes its own database connection, so PostgreSQL sees truly concurrent transactions.
    """
    barrier = threading.Barrier(len(functions))
    results, errors = [], []

    def worker(function):
        try:
            barrier.wait()
            results.append(function())
        except Exception as error:  # noqa: BLE001 - returned to the test, which asserts on it
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(f,)) for f in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results, errors
