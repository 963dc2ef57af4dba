-- Consent additions. revoke_details holds the personal data of a revocation (the revoking professional's identifier
-- in the revoking organisation's system), encrypted like details (PersonalDataProtector, associated data
-- "consent-revocation:" + consent_id); NULL until the consent is revoked.
ALTER TABLE consent ADD COLUMN revoke_details TEXT;

-- Listing a jongere's consents newest first (ListConsents pages on record_time, consent_id).
CREATE INDEX consent_subject_recorded ON consent (subject_pseudonym, record_time, consent_id);
