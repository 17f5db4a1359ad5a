/**
 * Guide pages: structured medical content (typed sections, disclaimer, medical review) with a
 * review and publishing workflow, full revisions, and the public read API. Other modules hear
 * about changes through {@link com.jadecrane.content.GuideSaved}, {@link com.jadecrane.content.GuidePublished},
 * {@link com.jadecrane.content.GuideRestored} and {@link com.jadecrane.content.GuideStatusChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Content")
package com.jadecrane.content;
