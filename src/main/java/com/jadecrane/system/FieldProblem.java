package com.jadecrane.system;

/** One bad field of a request: {@code field} is the JSON path the client sent, e.g. {@code sections[2].heading}. */
public record FieldProblem(String field, String message) {
}
