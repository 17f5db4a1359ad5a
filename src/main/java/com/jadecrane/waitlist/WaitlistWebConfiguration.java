package com.jadecrane.waitlist;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The public sign-up's web plumbing: the guard in front of it (before Spring Security, so floods
 * are refused cheaply) and CORS for the public site's origin only ({@code jadecrane.public-site.origin},
 * env {@code JADECRANE_PUBLIC_SITE_ORIGIN}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WaitlistProperties.class)
class WaitlistWebConfiguration implements WebMvcConfigurer {

    private final String publicSiteOrigin;

    WaitlistWebConfiguration(@Value("${jadecrane.public-site.origin:http://localhost:3000}") String publicSiteOrigin) {
        this.publicSiteOrigin = publicSiteOrigin;
    }

    @Bean
    FilterRegistrationBean<PublicSignupGuard> publicSignupGuard(WaitlistProperties properties, JsonMapper json) {
        FilterRegistrationBean<PublicSignupGuard> registration = new FilterRegistrationBean<>(new PublicSignupGuard(properties, json));
        registration.addUrlPatterns(PublicWaitlistController.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
        return registration;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/public/**").allowedOrigins(publicSiteOrigin).allowedMethods("GET", "POST")
                .allowedHeaders("Content-Type").maxAge(3600);
    }
}
