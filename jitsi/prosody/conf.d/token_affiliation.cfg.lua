-- Stagecall: let operators see that token_affiliation loaded.
--
-- With JICOFO_ENABLE_AUTH=0 and ENABLE_AUTO_OWNER=0 (docker-compose.yml), only Prosody's
-- token_affiliation module makes hosts moderators: if it fails to load, nobody is one.
-- jitsi-meet's mod_token_affiliation.lua (/prosody-plugins/ in the prosody image) logs
-- "loaded", and "set affiliation=owner for ..." on every join, at the level named by this
-- option, "debug" by default, which Prosody's default LOG_LEVEL=info hides. Set globally
-- (before any Component): the MUC component that loads the module falls back to it.
-- docs/deployment.md, "Moderators depend on one module", says what to look for.
token_affiliation_log_level = "info"
