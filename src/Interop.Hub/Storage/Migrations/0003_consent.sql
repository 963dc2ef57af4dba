-- Consents (toestemming) of jongeren. The grantee is one organisation (grantee_oin) or every organisation of a kind
-- (grantee_kind, the interop.v1.OrganisationKind number), optionally within one RMC region (grantee_region).
-- leefgebied_mask and category_mask hold bit (1 << enum number) for each interop.v1.Leefgebied / DataCategory
-- covered. details is the encrypted (PersonalDataProtector, associated data "consent:" + consent_id) protobuf of the
-- provenance and other personal data (professional's name, evidence reference, given_by).
CREATE TABLE consent (
    consent_id VARCHAR(36) PRIMARY KEY,
    subject_pseudonym VARCHAR(64) NOT NULL,
    grantee_oin VARCHAR(20),
    grantee_kind SMALLINT,
    grantee_region VARCHAR(16),
    purpose_code VARCHAR(100) NOT NULL,
    leefgebied_mask BIGINT NOT NULL,
    category_mask BIGINT NOT NULL,
    valid_from BIGINT NOT NULL,
    valid_until BIGINT,
    recorded_by_oin VARCHAR(20) NOT NULL,
    record_time BIGINT NOT NULL,
    revoke_time BIGINT,
    revoked_by_oin VARCHAR(20),
    details TEXT NOT NULL
);
CREATE INDEX consent_subject ON consent (subject_pseudonym);
