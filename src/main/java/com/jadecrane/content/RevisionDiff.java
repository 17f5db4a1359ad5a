package com.jadecrane.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * What changed between two revisions of a guide: field by field (one level into objects such as
 * {@code cta} and {@code medicalReview}) and section by section, by position.
 */
@Component
class RevisionDiff {

    /** One difference; {@code before}/{@code after} are JSON values (absent when ADDED/REMOVED). */
    record Change(String path, String change, JsonNode before, JsonNode after) {
    }

    record Result(int from, int to, List<Change> changes) {
    }

    private final JsonMapper json;

    RevisionDiff(JsonMapper json) {
        this.json = json;
    }

    Result between(GuideRevision from, GuideRevision to) {
        JsonNode before = json.valueToTree(from.content());
        JsonNode after = json.valueToTree(to.content());
        List<Change> changes = new ArrayList<>();
        for (String field : fieldNames(before, after)) {
            JsonNode a = before.get(field);
            JsonNode b = after.get(field);
            if (field.equals("sections")) {
                compareSections(a, b, changes);
            }
            else if (isObject(a) && isObject(b)) {
                for (String inner : fieldNames(a, b)) {
                    compare(field + "." + inner, a.get(inner), b.get(inner), changes);
                }
            }
            else {
                compare(field, a, b, changes);
            }
        }
        return new Result(from.revision(), to.revision(), changes);
    }

    private static void compareSections(JsonNode before, JsonNode after, List<Change> changes) {
        int count = Math.max(size(before), size(after));
        for (int i = 0; i < count; i++) {
            compare("sections[" + i + "]", i < size(before) ? before.get(i) : null,
                    i < size(after) ? after.get(i) : null, changes);
        }
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<Change> changes) {
        boolean hadValue = present(before);
        boolean hasValue = present(after);
        if (!hadValue && hasValue) {
            changes.add(new Change(path, "ADDED", null, after));
        }
        else if (hadValue && !hasValue) {
            changes.add(new Change(path, "REMOVED", before, null));
        }
        else if (hadValue && !before.equals(after)) {
            changes.add(new Change(path, "CHANGED", before, after));
        }
    }

    private static Set<String> fieldNames(JsonNode a, JsonNode b) {
        Set<String> names = new LinkedHashSet<>();
        if (a != null) {
            names.addAll(a.propertyNames());
        }
        if (b != null) {
            names.addAll(b.propertyNames());
        }
        return names;
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !(node.isArray() && node.isEmpty());
    }

    private static boolean isObject(JsonNode node) {
        return node != null && node.isObject();
    }

    private static int size(JsonNode node) {
        return node == null || !node.isArray() ? 0 : node.size();
    }
}
