-- Retention of the notification queue: AcknowledgeEvents deletes an organisation's events up to its acknowledged
-- cursor in the same write, and remembers here the highest cursor it deleted, so a Subscribe (or an open stream of
-- the same organisation) that would have to skip a deleted event ends with OUT_OF_RANGE instead of silently
-- missing it (notifications.proto). 0 while nothing was deleted.
ALTER TABLE subscriber_position ADD COLUMN deleted_cursor BIGINT NOT NULL DEFAULT 0;
