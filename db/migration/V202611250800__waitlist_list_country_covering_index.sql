-- The admin list filtered by country, alone or with a specialty, reads one index: in queue order
-- (either direction) for the page, and from the index alone for its bounded count, status and
-- specialties being carried in the index. Country and specialty together used to AND a bitmap of
-- the specialties GIN index with the country's rows and visit the heap for every match.
-- It replaces the two country indexes it covers (one index less to maintain per new entry).
create index waitlist_entry_country_queue_covering on waitlist_entry (country, queued_at, id) include (status, specialties);
drop index waitlist_entry_country_queue;
drop index waitlist_entry_country_status;
