package com.jadecrane.system;

import java.io.IOException;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the admin UI built into {@code classpath:/static}. Client-side routes such as
 * {@code /guides/12} get {@code index.html}; {@code /api/**} and {@code /management/**} never do,
 * so an unknown API path stays a 404 problem instead of an HTML page.
 */
@Configuration(proxyBeanMethods = false)
class AdminUiConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                // file names carry a content hash, so they never change
                .setCacheControl(CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic());
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.noCache())
                .resourceChain(false)
                .addResolver(new SpaFallbackResolver());
    }

    private static final class SpaFallbackResolver extends PathResourceResolver {

        @Override
        protected Resource getResource(String resourcePath, Resource location) throws IOException {
            Resource requested = location.createRelative(resourcePath);
            if (requested.exists() && requested.isReadable()) {
                return requested;
            }
            if (isServerPath(resourcePath) || looksLikeFile(resourcePath)) {
                return null;
            }
            Resource index = location.createRelative("index.html");
            return index.exists() ? index : null;
        }

        private static boolean isServerPath(String path) {
            return path.equals("api") || path.startsWith("api/") || path.equals("management") || path.startsWith("management/");
        }

        /** A missing {@code /logo.png} is a 404, not the UI. */
        private static boolean looksLikeFile(String path) {
            return path.substring(path.lastIndexOf('/') + 1).contains(".");
        }
    }
}
