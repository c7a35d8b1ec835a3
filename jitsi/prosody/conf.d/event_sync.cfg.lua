-- Stagecall: Jitsi room and occupant events, posted to the backend.
--
-- docker-jitsi-meet's prosody.cfg.lua ends with `Include "conf.d/*.cfg.lua"`; the
-- container copies /config (where docker-compose.yml mounts this directory) into its
-- runtime config directory at start, so this file is loaded after the image's own
-- conf.d/jitsi-meet.cfg.lua templates are rendered.
--
-- The component is jitsi-contrib's event_sync (event_sync/mod_event_sync_component.lua).
-- The prosody image bundles jitsi-contrib/prosody-plugins under /prosody-plugins-contrib,
-- which is in the generated plugin_paths; the repository's `event_sync_component`
-- symlink to `event_sync/` is what lets Prosody find the module by this name.
--
-- It POSTs JSON to {api_prefix}/events/room/created, /events/room/destroyed,
-- /events/occupant/joined and /events/occupant/left, retrying on 5xx. Its only
-- authentication is the static bearer header below, so the backend compares it in
-- constant time and must treat every event as possibly duplicated or out of order.
--
-- Config files are Lua: values come from the container environment (docker-compose.yml
-- passes them), so no secret is written into this file. Option names below must not be
-- shadowed by `local`s: a bare assignment after `Component` sets that component's option.

local lua = Lua or _G  -- Prosody >= 0.12 exposes the Lua globals as `Lua`
local getenv = lua.os.getenv

local xmpp_domain = getenv("XMPP_DOMAIN") or "meet.jitsi"
local rooms_domain = getenv("XMPP_MUC_DOMAIN") or ("muc." .. xmpp_domain)
local events_url = getenv("JITSI_EVENTS_API_PREFIX") or "http://backend:8000/api/jitsi"
local events_secret = getenv("JITSI_EVENTS_SECRET")

-- Refuse to start rather than post events with a missing or guessable secret.
if events_secret == nil or #events_secret < 32 then
    lua.error("JITSI_EVENTS_SECRET is missing or shorter than 32 characters: run jitsi/generate-env.sh", 0)
end

Component ("esync." .. xmpp_domain) "event_sync_component"
    muc_component = rooms_domain
    -- Breakout-room events carry is_breakout/breakout_room_id and the parent's room_name.
    breakout_component = "breakout." .. xmpp_domain
    api_prefix = events_url
    api_headers = {
        ["Authorization"] = "Bearer " .. events_secret;
    }
    api_timeout = 10
    api_retry_count = 3
    api_retry_delay = 1
    -- Only name, email and id from the token's context.user: nothing more leaves Jitsi.
    include_user_info = false
