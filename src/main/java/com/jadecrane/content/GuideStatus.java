package com.jadecrane.content;

/** The workflow of a guide page: DRAFT -> IN_REVIEW -> PUBLISHED -> ARCHIVED. */
enum GuideStatus {
    DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED
}
