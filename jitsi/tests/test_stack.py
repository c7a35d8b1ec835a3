"""The compose stack, read as data: Docker cannot run here, so check what can be checked without it."""

import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
COMPOSE_FILE = REPO / "docker-compose.yml"
ENV_EXAMPLE = REPO / "jitsi" / "env.example"
GENERATE_ENV = REPO / "jitsi" / "generate-env.sh"
CONF_D = REPO / "jitsi" / "prosody" / "conf.d"
EVENT_SYNC_CFG = CONF_D / "event_sync.cfg.lua"
TOKEN_AFFILIATION_CFG = CONF_D / "token_affiliation.cfg.lua"

JITSI_SERVICES = ("web", "prosody", "jicofo", "jvb")
GENERATED_SECRETS = (
    "DJANGO_SECRET_KEY",
    "POSTGRES_PASSWORD",
    "JITSI_APP_SECRET",
    "JITSI_EVENTS_SECRET",
    "JICOFO_AUTH_PASSWORD",
    "JVB_AUTH_PASSWORD",
    "RECORDINGS_SECRET",
    "JIBRI_XMPP_PASSWORD",
    "JIBRI_RECORDER_PASSWORD",
)
# ${VAR}, ${VAR:-default}, ${VAR:?message}, ... and bare $VAR; "$$" is a literal dollar.
VAR_REFERENCE = re.compile(r"(?<!\$)\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))")
ONLY_VAR = re.compile(r"^\$\{([A-Za-z_][A-Za-z0-9_]*)(?:[:?-][^}]*)?\}$")
ON_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


# ------------------------------------------------------------------ helpers


def parse_env_file(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, sep, value = line.partition("=")
            assert sep, f"{path.name}: not KEY=VALUE: {line!r}"
            values[key.strip()] = value
    return values


def environment(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.partition("=")[::2] for item in env)
    return {key: ("" if value is None else str(value)) for key, value in env.items()}


def variable_in(value: str) -> str | None:
    """The single variable a value consists of (`${X}`, `${X:?msg}`), or None."""
    match = ONLY_VAR.match(value)
    return match.group(1) if match else None


def require_tool(*names: str) -> str:
    """The first of `names` on PATH; missing fails under CI (the image must have it) and skips locally."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    message = f"none of {', '.join(names)} is installed (Debian: apt-get install -y lua5.4)"
    if ON_CI:
        pytest.fail(message)
    pytest.skip(message)


def run_generate(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(GENERATE_ENV), *args], capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text())


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return compose["services"]


@pytest.fixture(scope="module")
def template() -> dict[str, str]:
    return parse_env_file(ENV_EXAMPLE)


@pytest.fixture
def generated_env(tmp_path) -> Path:
    target = tmp_path / ".env"
    result = run_generate(str(target))
    assert result.returncode == 0, result.stderr
    return target


# ------------------------------------------------------- the compose file


def test_compose_file_parses_and_has_every_service(services):
    expected = {"db", "redis", "backend", "worker", "frontend", *JITSI_SERVICES}
    assert expected <= set(services)


def compose_command() -> list[str] | None:
    """`docker compose` (the plugin) if this client has it, else Debian's standalone `docker-compose`."""
    if shutil.which("docker") and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0:
        return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    return None


def test_compose_config_is_valid_for_docker_compose(tmp_path, generated_env):
    command = compose_command()
    if command is None:
        if ON_CI:
            pytest.fail("no docker compose to validate with: .ci/run installs Debian's docker-compose")
        pytest.skip("neither `docker compose` nor `docker-compose` is installed")
    result = subprocess.run(
        [*command, "--env-file", str(generated_env), "-f", str(COMPOSE_FILE), "config", "-q"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr


def test_compose_config_with_the_recording_profile_is_valid_and_adds_jibri(tmp_path, generated_env):
    command = compose_command()
    if command is None:
        if ON_CI:
            pytest.fail("no docker compose to validate with: .ci/run installs Debian's docker-compose")
        pytest.skip("neither `docker compose` nor `docker-compose` is installed")
    base = [*command, "--env-file", str(generated_env), "-f", str(COMPOSE_FILE)]
    with_profile = subprocess.run([*base, "--profile", "recording", "config", "--services"], capture_output=True, text=True, cwd=REPO)
    assert with_profile.returncode == 0, with_profile.stderr
    assert "jibri" in with_profile.stdout.split()
    # Debian's docker-compose 1.29 lists every service here whatever the profile, so that jibri
    # starts only with the profile is checked on the file (test_jibri_runs_the_pinned_release_...).


def test_compose_refuses_to_start_without_generated_secrets(tmp_path):
    """Without a generated .env the `${VAR:?…}` secrets stop compose: no default secret can slip through."""
    command = compose_command()
    if command is None:
        pytest.skip("neither `docker compose` nor `docker-compose` is installed")
    empty_env = tmp_path / "empty.env"
    empty_env.write_text("")
    result = subprocess.run(
        [*command, "--env-file", str(empty_env), "-f", str(COMPOSE_FILE), "config", "-q"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "JITSI_", "POSTGRES_"))},
    )
    assert result.returncode != 0
    assert "generate-env.sh" in result.stderr


def test_every_service_image_is_pinned(services):
    for name, service in services.items():
        image = service.get("image")
        assert image, f"{name} has no image name"
        reference = image.rsplit("/", 1)[-1]
        assert ":" in reference, f"{name}: {image} has no tag"
        tag = reference.split(":", 1)[1]
        assert "$" not in tag, f"{name}: {image} tag comes from a variable"
        assert tag not in {"latest", "unstable", "stable", "nightly"}, f"{name}: {image} is a moving tag"
        if "build" not in service:
            assert tag != "local", f"{name}: {image} is only ever built locally but has no build"


def test_jitsi_images_are_official_and_share_one_stable_release(services):
    tags = set()
    for name in JITSI_SERVICES:
        repository, tag = services[name]["image"].rsplit(":", 1)
        assert repository == f"ghcr.io/jitsi/{name}"
        assert re.fullmatch(r"stable-\d{4,5}(-\d+)?", tag), tag
        tags.add(tag)
    assert len(tags) == 1, f"Jitsi services run different releases: {sorted(tags)}"


def strings_in(node):
    """Every string in the parsed compose file (keys too), where compose interpolates; not comments."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from strings_in(key)
            yield from strings_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from strings_in(item)
    elif isinstance(node, str):
        yield node


def test_every_compose_variable_is_defined_in_env_example(compose, template):
    used = set()
    for text in strings_in(compose):
        for match in VAR_REFERENCE.finditer(text):
            used.add(match.group(1) or match.group(2))
    assert used, "the pattern found no variables at all"
    missing = sorted(used - set(template))
    assert not missing, f"used in docker-compose.yml but not in jitsi/env.example: {missing}"


def test_every_env_example_variable_is_commented():
    lines = ENV_EXAMPLE.read_text().splitlines()
    for index, line in enumerate(lines):
        if line.strip() and not line.startswith("#"):
            assert index > 0 and lines[index - 1].startswith("#"), f"no comment above {line!r}"


def test_env_example_ships_no_secret(template):
    for name in GENERATED_SECRETS:
        assert template[name] == "", f"{name} has a default value in env.example"


def test_backend_and_jitsi_share_app_id_secret_and_audience(services):
    backend, prosody = environment(services["backend"]), environment(services["prosody"])
    assert variable_in(backend["JITSI_APP_ID"]) == variable_in(prosody["JWT_APP_ID"]) == "JITSI_APP_ID"
    assert variable_in(prosody["JWT_ACCEPTED_ISSUERS"]) == "JITSI_APP_ID"
    assert variable_in(backend["JITSI_APP_SECRET"]) == variable_in(prosody["JWT_APP_SECRET"]) == "JITSI_APP_SECRET"
    assert variable_in(backend["JITSI_AUDIENCE"]) == variable_in(prosody["JWT_ACCEPTED_AUDIENCES"]) == "JITSI_AUDIENCE"
    # The token's `sub` is the XMPP domain Prosody serves.
    assert variable_in(backend["JITSI_SUBJECT"]) == variable_in(prosody["XMPP_DOMAIN"]) == "XMPP_DOMAIN"
    assert variable_in(backend["JITSI_EVENTS_SECRET"]) == variable_in(prosody["JITSI_EVENTS_SECRET"])
    # jitsi_check posts its self-test where Prosody posts events.
    assert backend["JITSI_EVENTS_API_PREFIX"] == prosody["JITSI_EVENTS_API_PREFIX"]
    assert environment(services["worker"]) == backend


def test_backend_has_every_setting_it_needs(services):
    backend = environment(services["backend"])
    for name in (
        "DATABASE_URL",
        "REDIS_URL",
        "DJANGO_SECRET_KEY",
        "DJANGO_DEBUG",
        "ALLOWED_HOSTS",
        "CORS_ALLOWED_ORIGINS",
        "CSRF_TRUSTED_ORIGINS",
        "JITSI_DOMAIN",
        "JITSI_APP_ID",
        "JITSI_APP_SECRET",
        "JITSI_AUDIENCE",
        "JITSI_SUBJECT",
        "JITSI_TOKEN_TTL",
        "JITSI_EVENTS_SECRET",
        "DEFAULT_FROM_EMAIL",
        "FRONTEND_URL",
    ):
        assert backend.get(name), f"backend lacks {name}"
    assert backend["DJANGO_DEBUG"] == "0"
    assert backend["DATABASE_URL"].startswith("postgres://") and "@db:5432/" in backend["DATABASE_URL"]
    assert backend["REDIS_URL"] == "redis://redis:6379/0"
    # Prosody posts events to http://backend:8000, so that Host must be allowed.
    assert "backend" in backend["ALLOWED_HOSTS"].split(",")


def test_jitsi_accepts_only_tokens_and_no_guests(services):
    prosody = environment(services["prosody"])
    assert prosody["ENABLE_AUTH"] == "1"
    assert prosody["AUTH_TYPE"] == "jwt"
    assert prosody["JWT_ALLOW_EMPTY"] == "0"
    assert prosody["ENABLE_GUESTS"] == "0"
    web = environment(services["web"])
    assert web["ENABLE_AUTH"] == "1" and web["ENABLE_GUESTS"] == "0"


def test_there_is_no_lobby_to_trap_token_holders(services):
    """Our token already decides who enters; a lobby (members-only room) would hold every later arrival,
    hosts who reconnect included, until someone admits them by hand (docs/jitsi.md, "No lobby")."""
    prosody = environment(services["prosody"])
    assert prosody["ENABLE_LOBBY"] == "0"
    assert "lobby" not in prosody["XMPP_MUC_MODULES"]


def test_moderator_rights_come_from_the_token(services):
    prosody, jicofo = environment(services["prosody"]), environment(services["jicofo"])
    assert "token_affiliation" in [m.strip() for m in prosody["XMPP_MUC_MODULES"].split(",")]
    assert jicofo["JICOFO_ENABLE_AUTH"] == "0"
    assert jicofo["ENABLE_AUTO_OWNER"] == "0"


def test_prosody_mounts_our_conf_d_and_gets_the_events_secret(services):
    prosody = services["prosody"]
    assert any(
        volume.split(":")[0] == "./jitsi/prosody/conf.d" and volume.split(":")[1] == "/config/conf.d" for volume in prosody["volumes"]
    )
    env = environment(prosody)
    assert variable_in(env["JITSI_EVENTS_SECRET"]) == "JITSI_EVENTS_SECRET"
    assert env["JITSI_EVENTS_API_PREFIX"] == "http://backend:8000/api/jitsi"
    # Prosody must share a network with the backend to reach it.
    networks = prosody["networks"]
    assert "default" in networks and "meet.jitsi" in networks


def test_backend_waits_for_healthy_db_and_redis_and_has_a_health_check(services):
    backend = services["backend"]
    assert backend["depends_on"]["db"]["condition"] == "service_healthy"
    assert backend["depends_on"]["redis"]["condition"] == "service_healthy"
    assert "/api/health/" in " ".join(backend["healthcheck"]["test"])
    assert services["worker"]["command"] == ["python", "manage.py", "db_worker"]


def test_media_and_web_ports_are_published(services):
    assert "${JVB_PORT}:${JVB_PORT}/udp" in services["jvb"]["ports"]
    assert "${HTTPS_PORT}:8443" in services["web"]["ports"]


# ------------------------------------------------------- the Prosody config


@pytest.mark.parametrize("cfg", sorted(CONF_D.glob("*.cfg.lua")), ids=lambda path: path.name)
def test_every_prosody_cfg_is_valid_lua(cfg):
    luac = require_tool("luac", "luac5.4", "luac5.3", "luac5.2", "luac5.1")
    result = subprocess.run([luac, "-p", str(cfg)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_luac_rejects_broken_lua(tmp_path):
    """The syntax check above can fail: a broken file makes luac exit non-zero."""
    luac = require_tool("luac", "luac5.4", "luac5.3", "luac5.2", "luac5.1")
    broken = tmp_path / "broken.cfg.lua"
    broken.write_text(EVENT_SYNC_CFG.read_text().replace("api_headers = {", "api_headers = {{", 1))
    assert subprocess.run([luac, "-p", str(broken)], capture_output=True).returncode != 0


# Loads the cfg file the way Prosody's configmanager does (bare assignments after
# Component(...) become that component's options) and prints what it configured.
LUA_HARNESS = r"""
local path = arg[1]
local options, current = {}, "*"
local env = setmetatable({}, {
    __index = function(_, k) if k == "Lua" then return _G end return rawget(_G, k) end,
    __newindex = function(_, k, v) options[current] = options[current] or {}; options[current][k] = v end,
})
rawset(env, "Component", function(name)
    current = name
    return function(module) options[name] = options[name] or {}; options[name].component_module = module
        return function() end end
end)
local chunk = assert(loadfile(path, "t", env))
local ok, err = pcall(chunk)
if not ok then io.stderr:write(tostring(err)); os.exit(3) end
for host, opts in pairs(options) do
    for k, v in pairs(opts) do
        if type(v) == "table" then for hk, hv in pairs(v) do print(host .. "|" .. k .. "." .. hk .. "=" .. tostring(hv)) end
        else print(host .. "|" .. k .. "=" .. tostring(v)) end
    end
end
"""


def run_cfg(tmp_path, env: dict[str, str], cfg: Path = EVENT_SYNC_CFG) -> subprocess.CompletedProcess:
    lua = require_tool("lua", "lua5.4", "lua5.3")
    harness = tmp_path / "harness.lua"
    harness.write_text(LUA_HARNESS)
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("XMPP_", "JITSI_"))}
    return subprocess.run([lua, str(harness), str(cfg)], capture_output=True, text=True, env={**clean, **env}, timeout=30)


def test_token_affiliation_says_it_loaded_at_the_default_log_level(tmp_path):
    """Only token_affiliation grants moderator here; its own "loaded" line is at debug unless told otherwise.
    A global option, before any Component, so the MUC component that loads the module inherits it."""
    assert TOKEN_AFFILIATION_CFG.exists()
    result = run_cfg(tmp_path, {}, TOKEN_AFFILIATION_CFG)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["*|token_affiliation_log_level=info"]


def test_event_sync_component_posts_to_the_backend_with_the_secret_from_the_environment(tmp_path):
    secret = "s" * 40
    result = run_cfg(
        tmp_path,
        {
            "JITSI_EVENTS_SECRET": secret,
            "XMPP_DOMAIN": "meet.jitsi",
            "XMPP_MUC_DOMAIN": "muc.meet.jitsi",
            "JITSI_EVENTS_API_PREFIX": "http://backend:8000/api/jitsi",
        },
    )
    assert result.returncode == 0, result.stderr
    lines = set(result.stdout.splitlines())
    assert "esync.meet.jitsi|component_module=event_sync_component" in lines
    assert "esync.meet.jitsi|muc_component=muc.meet.jitsi" in lines
    assert "esync.meet.jitsi|breakout_component=breakout.meet.jitsi" in lines
    assert "esync.meet.jitsi|api_prefix=http://backend:8000/api/jitsi" in lines
    assert f"esync.meet.jitsi|api_headers.Authorization=Bearer {secret}" in lines
    assert secret not in EVENT_SYNC_CFG.read_text()


@pytest.mark.parametrize("secret", [None, "", "too-short"])
def test_event_sync_cfg_refuses_a_missing_or_short_secret(tmp_path, secret):
    env = {} if secret is None else {"JITSI_EVENTS_SECRET": secret}
    result = run_cfg(tmp_path, env)
    assert result.returncode != 0
    assert "JITSI_EVENTS_SECRET" in result.stderr


# ------------------------------------------------------------ generate-env.sh


def test_generated_env_has_fresh_distinct_strong_secrets(generated_env, template):
    values = parse_env_file(generated_env)
    assert set(values) == set(template), "generated file drifted from the template"
    secrets = [values[name] for name in GENERATED_SECRETS]
    assert all(secrets), "a secret was left empty"
    assert len(set(secrets)) == len(secrets), "two secrets are equal"
    assert len(values["JITSI_APP_SECRET"]) >= 32
    assert len(values["JITSI_EVENTS_SECRET"]) >= 32
    assert len(values["DJANGO_SECRET_KEY"]) >= 50
    assert re.fullmatch(r"[0-9a-f]+", values["POSTGRES_PASSWORD"]), "must be safe inside DATABASE_URL"
    for name, value in template.items():
        if name not in GENERATED_SECRETS:
            assert values[name] == value, f"{name} changed"
    assert stat.S_IMODE(generated_env.stat().st_mode) == 0o600


def test_two_runs_generate_different_secrets(tmp_path, generated_env):
    other = tmp_path / "other.env"
    assert run_generate(str(other)).returncode == 0
    first, second = parse_env_file(generated_env), parse_env_file(other)
    for name in GENERATED_SECRETS:
        assert first[name] != second[name]


def test_generate_env_refuses_to_overwrite_without_force(generated_env):
    before = generated_env.read_text()
    result = run_generate(str(generated_env))
    assert result.returncode != 0
    assert "refusing" in result.stderr
    assert generated_env.read_text() == before


def test_generate_env_overwrites_with_force(generated_env):
    before = parse_env_file(generated_env)
    result = run_generate("--force", str(generated_env))
    assert result.returncode == 0, result.stderr
    after = parse_env_file(generated_env)
    assert all(before[name] != after[name] for name in GENERATED_SECRETS)


def test_generated_env_fills_every_required_compose_secret(generated_env):
    """Compose marks each generated secret `${VAR:?...}`: a missing one stops `up` instead of running open."""
    text = COMPOSE_FILE.read_text()
    for name in GENERATED_SECRETS:
        assert re.search(r"\$\{" + name + r":\?", text), f"{name} is not required by docker-compose.yml"
    assert all(parse_env_file(generated_env)[name] for name in GENERATED_SECRETS)


# ------------------------------------------------------------- recording (Jibri)


def test_jibri_runs_the_pinned_release_only_in_the_recording_profile(services):
    jibri = services["jibri"]
    assert jibri["profiles"] == ["recording"]
    tag = services["web"]["image"].rsplit(":", 1)[1]
    assert jibri["image"] == f"ghcr.io/jitsi/jibri:{tag}"


def test_jibri_has_what_its_image_checks_at_start(services):
    """jibri's s6 `config` script: /dev/shm >= 2 GB, both passwords, DISPLAY (docker-jitsi-meet jibri.yml)."""
    jibri = services["jibri"]
    assert jibri["shm_size"] == "2gb"
    assert jibri["read_only"] is True
    env = environment(jibri)
    assert env["DISPLAY"] == ":0"
    assert variable_in(env["JIBRI_XMPP_PASSWORD"]) == "JIBRI_XMPP_PASSWORD"
    assert variable_in(env["JIBRI_RECORDER_PASSWORD"]) == "JIBRI_RECORDER_PASSWORD"
    assert "meet.jitsi" in jibri["networks"] and "default" in jibri["networks"]


def test_jibri_and_prosody_share_the_accounts_and_jitsi_enables_recording_as_one(services):
    jibri, prosody = environment(services["jibri"]), environment(services["prosody"])
    for name in ("JIBRI_XMPP_PASSWORD", "JIBRI_RECORDER_PASSWORD"):
        assert variable_in(jibri[name]) == variable_in(prosody[name]) == name
    for name in ("XMPP_DOMAIN", "XMPP_AUTH_DOMAIN", "XMPP_MUC_DOMAIN", "XMPP_INTERNAL_MUC_DOMAIN"):
        assert jibri[name] == prosody[name]
    assert jibri["PUBLIC_URL"] == prosody["PUBLIC_URL"]
    for service in ("web", "prosody", "jicofo"):
        assert variable_in(environment(services[service])["ENABLE_RECORDING"]) == "ENABLE_RECORDING", service


def test_jibri_runs_our_finalize_script_which_reaches_the_backend_with_the_recordings_secret(services):
    jibri = services["jibri"]
    env = environment(jibri)
    mounts = {volume.split(":")[1]: volume.split(":")[0] for volume in jibri["volumes"] if isinstance(volume, str)}
    assert mounts[env["JIBRI_FINALIZE_RECORDING_SCRIPT_PATH"]] == "./jitsi/jibri/finalize.sh"
    assert os.access(REPO / "jitsi" / "jibri" / "finalize.sh", os.X_OK), "a read-only mount cannot be chmodded by Jibri"
    assert env["STAGECALL_URL"] == "http://backend:8000"
    backend = environment(services["backend"])
    assert variable_in(env["RECORDINGS_SECRET"]) == variable_in(backend["RECORDINGS_SECRET"]) == "RECORDINGS_SECRET"
    assert "backend" in backend["ALLOWED_HOSTS"].split(",")


def _volume_targets(service: dict) -> dict[str, dict]:
    """{target: {"source", "read_only"}} for short and long volume syntax."""
    found = {}
    for volume in service.get("volumes", []):
        if isinstance(volume, str):
            source, target, *mode = volume.split(":")
            found[target] = {"source": source, "read_only": bool(mode) and "ro" in mode[0].split(",")}
        else:
            found[volume["target"]] = {"source": volume["source"], "read_only": volume.get("read_only", False)}
    return found


def test_the_worker_reads_the_recordings_jibri_writes_and_nginx_serves_the_media_volume(services, compose):
    jibri = environment(services["jibri"])
    jibri_storage = _volume_targets(services["jibri"])["/storage"]["source"]
    assert jibri_storage in compose["volumes"]
    assert jibri["JIBRI_RECORDING_DIR"] == "/storage/recordings"
    backend = environment(services["backend"])
    for name in ("backend", "worker"):
        mounts = _volume_targets(services[name])
        inbox_mount = next(target for target, mount in mounts.items() if mount["source"] == jibri_storage)
        assert backend["RECORDINGS_INBOX_DIR"] == inbox_mount + "/recordings"
        assert mounts[inbox_mount]["read_only"]
        assert mounts[backend["MEDIA_ROOT"]]["source"] == "media" and not mounts[backend["MEDIA_ROOT"]]["read_only"]
    assert _volume_targets(services["reaper"])[backend["MEDIA_ROOT"]]["source"] == "media"
    assert "delete_expired_recordings" in " ".join(services["reaper"]["command"])
    frontend = _volume_targets(services["frontend"])
    assert frontend[backend["MEDIA_ROOT"]] == {"source": "media", "read_only": True}


def test_nginx_serves_recordings_only_through_an_internal_location(services):
    backend = environment(services["backend"])
    prefix = backend["RECORDINGS_ACCEL_REDIRECT_PREFIX"]
    conf = (REPO / "frontend" / "nginx.conf").read_text()
    block = re.search(r"location " + re.escape(prefix) + r" \{(.*?)\}", conf, re.S)
    assert block, f"no nginx location for {prefix}"
    assert re.search(r"^\s*internal;", block.group(1), re.M)
    assert f"alias {backend['MEDIA_ROOT'].rstrip('/')}/;" in block.group(1)
