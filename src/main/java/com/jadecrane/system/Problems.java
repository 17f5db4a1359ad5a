package com.jadecrane.system;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 bodies of ../shared/API.md: status, title, detail and, for validation, errors. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    public static ProblemDetail invalid(List<FieldProblem> problems) {
        ProblemDetail problem = of(HttpStatusCode.valueOf(400), problems.size() == 1
                ? "Invalid " + problems.get(0).field() + ": " + problems.get(0).message()
                : "The request has " + problems.size() + " invalid fields");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", problems);
        return problem;
    }
}
