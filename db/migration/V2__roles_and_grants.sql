-- The API connects (or SET ROLEs) as lmo_api: read-only on what it serves, nothing in staging.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lmo_api') THEN
        CREATE ROLE lmo_api NOLOGIN;
    END IF;
END
$$;

-- Lets the migrating user switch the API pool to this role (no-op for a superuser).
GRANT lmo_api TO CURRENT_USER;

REVOKE ALL ON SCHEMA staging FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA staging FROM PUBLIC;
REVOKE ALL ON SCHEMA published FROM PUBLIC;

GRANT USAGE ON SCHEMA published TO lmo_api;
GRANT SELECT ON ALL TABLES IN SCHEMA published TO lmo_api;
ALTER DEFAULT PRIVILEGES IN SCHEMA published GRANT SELECT ON TABLES TO lmo_api;
