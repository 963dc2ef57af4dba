-- Partner registry and hub signing keys. Portable SQL: the same script runs on SQLite and PostgreSQL
-- (VARCHAR/TEXT/BIGINT/SMALLINT only, times as Unix milliseconds, booleans as 0/1).
CREATE TABLE organisation (
    oin         VARCHAR(20)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    rmc_region  VARCHAR(16)  NULL,
    enabled     SMALLINT     NOT NULL DEFAULT 1,
    created_at  BIGINT       NOT NULL
);

CREATE TABLE api_client (
    client_id        VARCHAR(128)  NOT NULL PRIMARY KEY,
    organisation_oin VARCHAR(20)   NOT NULL REFERENCES organisation (oin),
    jwks             TEXT          NULL,
    jwks_url         VARCHAR(2048) NULL,
    allowed_scopes   TEXT          NOT NULL,
    enabled          SMALLINT      NOT NULL DEFAULT 1,
    created_at       BIGINT        NOT NULL,
    keys_updated_at  BIGINT        NOT NULL,
    CHECK ((jwks IS NULL) <> (jwks_url IS NULL))
);

CREATE INDEX ix_api_client_organisation ON api_client (organisation_oin);

-- The private key column is acceptable for the embedded default only: production keeps keys in a KMS/HSM.
CREATE TABLE signing_key (
    kid               VARCHAR(64) NOT NULL PRIMARY KEY,
    algorithm         VARCHAR(16) NOT NULL,
    private_key_pem   TEXT        NOT NULL,
    created_at        BIGINT      NOT NULL,
    signing_starts_at BIGINT      NOT NULL,
    retires_at        BIGINT      NULL
);
