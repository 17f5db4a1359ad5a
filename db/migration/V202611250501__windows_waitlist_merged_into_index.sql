-- Deleting or erasing waitlist entries checks the self-reference merged_into row by row; without an
-- index each check reads the whole table (the benchmark's reset of 900,000 entries never ended).
-- Belongs with the waitlist tables; "if not exists" so the waitlist module may add it itself.
create index if not exists waitlist_entry_merged_into on waitlist_entry (merged_into) where merged_into is not null;
