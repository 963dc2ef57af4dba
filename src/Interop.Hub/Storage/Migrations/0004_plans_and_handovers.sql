-- Plans: at most one per jongere (so at most one regisseur). plan holds the current version's index columns;
-- plan_version keeps every version (history), content being the encrypted (associated data "plan:" + plan_id + ":" +
-- version) protobuf of goals, agreements and the regisseur's contact details.
CREATE TABLE plan (
    plan_id VARCHAR(36) PRIMARY KEY,
    subject_pseudonym VARCHAR(64) NOT NULL UNIQUE,
    holder_oin VARCHAR(20) NOT NULL,
    regisseur_oin VARCHAR(20) NOT NULL,
    version BIGINT NOT NULL,
    create_time BIGINT NOT NULL,
    update_time BIGINT NOT NULL
);

CREATE TABLE plan_version (
    plan_id VARCHAR(36) NOT NULL,
    version BIGINT NOT NULL,
    holder_oin VARCHAR(20) NOT NULL,
    regisseur_oin VARCHAR(20) NOT NULL,
    recorded_by_oin VARCHAR(20) NOT NULL,
    record_time BIGINT NOT NULL,
    content TEXT NOT NULL,
    -- Since when this version's regisseur directs the plan (Regisseur.since_time): kept while the regisseur stays.
    regisseur_since BIGINT NOT NULL,
    PRIMARY KEY (plan_id, version)
);

-- Handovers (overdrachten) of a plan from one organisation to another. status is the interop.v1.HandoverStatus
-- number, reason the interop.v1.HandoverReason number; content is the encrypted (associated data "handover:" +
-- handover_id) protobuf of explanation and decline reason.
CREATE TABLE handover (
    handover_id VARCHAR(36) PRIMARY KEY,
    plan_id VARCHAR(36) NOT NULL,
    plan_version BIGINT NOT NULL,
    subject_pseudonym VARCHAR(64) NOT NULL,
    from_oin VARCHAR(20) NOT NULL,
    to_oin VARCHAR(20) NOT NULL,
    reason SMALLINT NOT NULL,
    status SMALLINT NOT NULL,
    version BIGINT NOT NULL,
    offer_time BIGINT NOT NULL,
    decide_time BIGINT,
    content TEXT NOT NULL
);
CREATE INDEX handover_from ON handover (from_oin, offer_time);
CREATE INDEX handover_to ON handover (to_oin, offer_time);
CREATE INDEX handover_subject ON handover (subject_pseudonym);
-- A plan's handovers (the open-handover check), and at most one OFFERED (status 1) handover per plan, guarded by the
-- database as well as by the service.
CREATE INDEX handover_plan ON handover (plan_id, offer_time);
CREATE UNIQUE INDEX handover_open_per_plan ON handover (plan_id) WHERE status = 1;
