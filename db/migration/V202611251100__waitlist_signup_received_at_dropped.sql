-- Drops the sign-ups' received_at index that V202611250700 created. The reports that read sign-ups
-- by time read all of them (the detail export of a long period, the all-time figures) or one week
-- once a week, where a scan of the table serves; every sign-up received and filed by the dedupe job
-- would keep it up to date. The benchmark figures in the README are measured without it.
drop index if exists waitlist_signup_received_at;
