package com.jadecrane.invitations;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A link of an invitation email that no longer works: unknown (404), or used or expired (410). */
class InvitationLinkUnusable extends ErrorResponseException {

    private InvitationLinkUnusable(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    static InvitationLinkUnusable unknown() {
        return new InvitationLinkUnusable(HttpStatus.NOT_FOUND, "Unknown link",
                "This link is not known. Please use the link in your email exactly as it is.");
    }

    static InvitationLinkUnusable used() {
        return new InvitationLinkUnusable(HttpStatus.GONE, "Link already used",
                "This link was already used: your answer is recorded.");
    }

    static InvitationLinkUnusable expired() {
        return new InvitationLinkUnusable(HttpStatus.GONE, "Link expired",
                "The time to answer this invitation has passed.");
    }

    String title() {
        return getBody().getTitle();
    }

    String detail() {
        return getBody().getDetail();
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
