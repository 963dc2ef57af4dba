-- The event cursor's counter. Cursors were MAX(event_cursor) + 1, which would hand out a cursor again once the
-- events holding the highest ones were acknowledged and deleted; a counter only ever goes up. Writes are serialised,
-- so UPDATE ... RETURNING under the write lock yields strictly increasing cursors in commit order.
CREATE TABLE hub_counter (
    counter_name VARCHAR(32) PRIMARY KEY,
    counter_value BIGINT NOT NULL
);
INSERT INTO hub_counter (counter_name, counter_value)
SELECT 'event_cursor', COALESCE(MAX(m), 0) FROM (
    SELECT MAX(event_cursor) AS m FROM hub_event
    UNION ALL
    SELECT MAX(deleted_cursor) AS m FROM subscriber_position
) highest;
