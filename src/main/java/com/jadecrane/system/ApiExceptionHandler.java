package com.jadecrane.system;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as {@code application/problem+json}; validation errors name each field.
 * Spring MVC's own exceptions (404, 405, 415, ...) come through the base class.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** PostgreSQL's "invalid byte sequence" and "untranslatable character": text no column can hold. */
    private static final java.util.Set<String> UNSTORABLE_TEXT = java.util.Set.of("22021", "22P05");

    @ExceptionHandler
    ProblemDetail invalidInput(InvalidInputException ex) {
        return Problems.invalid(ex.problems());
    }

    @ExceptionHandler
    ProblemDetail constraintViolation(ConstraintViolationException ex) {
        return Problems.invalid(ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList());
    }

    @ExceptionHandler
    ProblemDetail notFound(ResourceNotFoundException ex) {
        return Problems.of(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail stale(StaleVersionException ex) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Changed by someone else");
        problem.setProperty("currentVersion", ex.currentVersion());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail conflict(ConflictException ex) {
        return Problems.of(HttpStatus.CONFLICT, ex.getMessage());
    }

    /** The database may lose what this request would commit (see {@link DurableCommits}): the server's fault. */
    @ExceptionHandler
    ProblemDetail notDurable(NonDurableCommitsException ex) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
        problem.setTitle("Database commits are not durable");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
        return Problems.invalid(List.of(new FieldProblem(ex.getName(), "has an invalid value")));
    }

    /** A constraint the database enforces that no earlier check caught (a race between two saves). */
    @ExceptionHandler
    ProblemDetail integrity(DataIntegrityViolationException ex) {
        if (ex.getMostSpecificCause() instanceof java.sql.SQLException sql && UNSTORABLE_TEXT.contains(sql.getSQLState())) {
            return Problems.of(HttpStatus.BAD_REQUEST, "The request contains a character that cannot be stored (e.g. NUL)");
        }
        log.info("Request refused by a database constraint: {}", ex.getMostSpecificCause().getMessage());
        return Problems.of(HttpStatus.CONFLICT, "The change conflicts with data saved meanwhile; reload and try again");
    }

    /** Security exceptions belong to Spring Security's entry point and access-denied handler. */
    @ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
    void rethrowSecurity(RuntimeException ex) {
        throw ex;
    }

    @ExceptionHandler
    ProblemDetail unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it has been logged");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.invalid(fieldProblems(ex.getBindingResult())));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid(problems));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest()
                .body(Problems.invalid(List.of(new FieldProblem(ex.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getMostSpecificCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = json.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return ResponseEntity.badRequest()
                    .body(Problems.invalid(List.of(new FieldProblem(field, "has a value of the wrong type or format"))));
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST,
                "The request body is missing or is not valid JSON"));
    }

    static List<FieldProblem> fieldProblems(BindingResult result) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        result.getFieldErrors().forEach(e -> problems.add(new FieldProblem(e.getField(), e.getDefaultMessage())));
        result.getGlobalErrors().forEach(e -> problems.add(new FieldProblem(e.getObjectName(), e.getDefaultMessage())));
        return problems;
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        // method-parameter paths look like "create.request.email": drop the method name
        return dot >= 0 ? propertyPath.substring(dot + 1) : propertyPath;
    }
}
