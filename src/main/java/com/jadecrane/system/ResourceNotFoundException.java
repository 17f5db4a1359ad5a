package com.jadecrane.system;

/** The addressed resource does not exist (or must not be visible to this caller): 404. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String resource, Object id) {
        super(resource + " " + id + " was not found");
    }
}
