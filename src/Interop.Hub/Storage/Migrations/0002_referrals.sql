-- Referrals (verwijzingen). The index columns are plain so the hub can filter, match and build status answers;
-- everything personal beyond the pseudonym (person details, reason, references, decline/withdraw text, outcome) is
-- in content: the encrypted (PersonalDataProtector, associated data "referral:" + referral_id) protobuf.
-- status is the interop.v1.ReferralStatus number; leefgebied_mask holds bit (1 << interop.v1.Leefgebied number).
-- purpose_code and the legal basis (legal_basis_kind: the ProcessingLegalBasisKind number, 1 consent, 2 statutory
-- task; legal_basis_value: the consent_id or task code) are what the referral's processing records name; plain so a
-- revoked consent's referrals can be found. The defaults (no purpose, no basis) only serve rows written by other means
-- than SubmitReferral, such as test fixtures.
CREATE TABLE referral (
    referral_id VARCHAR(36) PRIMARY KEY,
    sender_oin VARCHAR(20) NOT NULL,
    receiver_oin VARCHAR(20) NOT NULL,
    subject_pseudonym VARCHAR(64) NOT NULL,
    status SMALLINT NOT NULL,
    version BIGINT NOT NULL,
    leefgebied_mask BIGINT NOT NULL,
    urgency SMALLINT NOT NULL,
    submit_time BIGINT NOT NULL,
    update_time BIGINT NOT NULL,
    purpose_code VARCHAR(100) NOT NULL DEFAULT '',
    legal_basis_kind SMALLINT NOT NULL DEFAULT 0,
    legal_basis_value VARCHAR(100) NOT NULL DEFAULT '',
    content TEXT NOT NULL
);
CREATE INDEX referral_sender ON referral (sender_oin, submit_time);
CREATE INDEX referral_receiver ON referral (receiver_oin, submit_time);
CREATE INDEX referral_subject ON referral (subject_pseudonym);
CREATE INDEX referral_consent ON referral (legal_basis_value);

-- Idempotency keys of SubmitReferral, per sending organisation: a retry with the same key and the same request
-- returns the referral the first call created. request_hash is SHA-256 (hex) of the request as received.
CREATE TABLE referral_idempotency (
    sender_oin VARCHAR(20) NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    request_hash VARCHAR(64) NOT NULL,
    referral_id VARCHAR(36) NOT NULL,
    create_time BIGINT NOT NULL,
    PRIMARY KEY (sender_oin, idempotency_key)
);
