package com.jadecrane.content;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import com.jadecrane.system.Page;
import com.jadecrane.system.PageQuery;

/**
 * What the public site reads: published snapshots only, never the working copy. A page's ETag is
 * its published revision, so the site (and any cache in between) revalidates with a cheap 304.
 */
@RestController
class PublicGuideController {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
    private static final Map<String, String> SORTABLE = Map.of("title", "g.published_content ->> 'title'",
            "publishedAt", "g.published_at", "slug", "g.slug");

    private final Guides guides;
    private final Markdown markdown;
    private final JsonMapper json;

    PublicGuideController(Guides guides, Markdown markdown, JsonMapper json) {
        this.guides = guides;
        this.markdown = markdown;
        this.json = json;
    }

    @GetMapping("/api/public/guides")
    @PreAuthorize("permitAll()")
    ResponseEntity<List<PublicGuide.Summary>> list(@RequestParam(required = false) String locale,
            @RequestParam(required = false) String specialty, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) List<String> sort) {
        Page<Guide> live = guides.live(blankToNull(locale), blankToNull(specialty),
                PageQuery.of(page, size, sort, SORTABLE, "g.published_at desc", "g.id"));
        return ResponseEntity.ok().cacheControl(CACHE).header(Page.TOTAL_COUNT_HEADER, Long.toString(live.total()))
                .body(live.content().stream().map(PublicGuide.Summary::of).toList());
    }

    @GetMapping("/api/public/guides/{slug}")
    @PreAuthorize("permitAll()")
    ResponseEntity<PublicGuide> get(@PathVariable String slug, @RequestParam(defaultValue = "en") String locale,
            WebRequest request) {
        Guide guide = guides.live(locale, slug);
        String etag = "\"guide-" + guide.id() + "-r" + guide.publishedRevision() + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHE).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(CACHE)
                .body(PublicGuide.of(guide, guides.liveTranslations(guide), markdown, json));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
