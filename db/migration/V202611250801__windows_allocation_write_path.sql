-- Less work per seat the allocation job writes (up to 100,000 a run).

-- The seat counts are updated by the window_allocation triggers once per window and statement, many
-- times a run: free room on each page keeps those updates on the page (HOT), where a full page made
-- every one of them also insert into the window's four indexes.
alter table consultation_window set (fillfactor = 70);

-- A seat is HELD without a deadline until its invitation is sent, and only a deadline can lapse: the
-- release query (hold_expires_at <= the run) never needs the others, so new seats skip this index.
drop index window_allocation_holds;
create index window_allocation_holds on window_allocation (hold_expires_at) where status = 'HELD' and hold_expires_at is not null;
