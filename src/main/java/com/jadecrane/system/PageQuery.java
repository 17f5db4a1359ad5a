package com.jadecrane.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JHipster-style paging of the admin API ({@code page} from 0, {@code size}, {@code sort=field,asc}),
 * turned into SQL. Sort fields map to columns through a whitelist, so nothing a client sends is
 * ever pasted into SQL.
 */
public record PageQuery(int page, int size, String orderBy) {

    public static final int MAX_SIZE = 200;

    /**
     * @param sortable JSON field name -> SQL column, e.g. {@code "createdAt" -> "created_at"}
     * @param tieBreaker column appended to every ordering so pages are stable, e.g. {@code "id"}
     */
    public static PageQuery of(Integer page, Integer size, List<String> sort, Map<String, String> sortable,
            String defaultOrder, String tieBreaker) {
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? 20 : size;
        if (pageNumber < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
        List<String> order = new ArrayList<>();
        for (String clause : normalize(sort)) {
            String[] parts = clause.split(",");
            String column = sortable.get(parts[0].trim());
            if (column == null) {
                throw new InvalidInputException("sort", "cannot sort by '" + parts[0].trim() + "'; use one of " + sortable.keySet());
            }
            boolean descending = parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc");
            order.add(column + (descending ? " desc" : " asc"));
        }
        if (order.isEmpty()) {
            order.add(defaultOrder);
        }
        order.add(tieBreaker);
        return new PageQuery(pageNumber, pageSize, String.join(", ", order));
    }

    public long offset() {
        return (long) page * size;
    }

    /** "sort=name,asc&sort=id,desc" and "sort=name&sort=asc" (how some clients split it) both work. */
    private static List<String> normalize(List<String> sort) {
        List<String> clauses = new ArrayList<>();
        if (sort == null) {
            return clauses;
        }
        for (String s : sort) {
            if (s == null || s.isBlank()) {
                continue;
            }
            if ((s.equalsIgnoreCase("asc") || s.equalsIgnoreCase("desc")) && !clauses.isEmpty()) {
                clauses.set(clauses.size() - 1, clauses.get(clauses.size() - 1) + "," + s);
            }
            else {
                clauses.add(s);
            }
        }
        return clauses;
    }
}
