-- An entry merged into one that was itself merged later pointed at that MERGED entry, so the dedupe
-- job filed the person's later sign-ups there and erasure (which follows merged_into one step) missed
-- it. Merges now repoint such entries at the entry kept; this does the same for chains made before.
do $$
begin
    loop
        update waitlist_entry e set merged_into = m.merged_into
        from waitlist_entry m
        where e.merged_into = m.id and m.merged_into is not null;
        exit when not found;
    end loop;
end $$;
