package com.jadecrane.system;

/** The request is well-formed but clashes with the resource's current state: 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
