from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "common"
    verbose_name = "Common"

    def ready(self):
        from common import checks  # noqa: F401 - registers the deployment checks
        from common.fields import refuse_loose_json_types

        refuse_loose_json_types()
