package com.jadecrane.waitlist;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityKeysTests {

    @Test
    void trimsAndLowerCases() {
        assertThat(IdentityKeys.identityKey("  Ana.Silva@Example.ORG \t")).isEqualTo("ana.silva@example.org");
    }

    @Test
    void appliesUnicodeCompatibilityNormalization() {
        // full-width letters and the "ﬁ" ligature are what some mobile keyboards send
        assertThat(IdentityKeys.identityKey("ＡＮＡ@ex.org")).isEqualTo("ana@ex.org");
        assertThat(IdentityKeys.identityKey("ﬁona@ex.org")).isEqualTo("fiona@ex.org");
    }

    @Test
    void foldsGmailDotsTagsAndGooglemail() {
        assertThat(IdentityKeys.identityKey("Ana.Silva+waitlist@gmail.com")).isEqualTo("anasilva@gmail.com");
        assertThat(IdentityKeys.identityKey(" anasilva@googlemail.com")).isEqualTo("anasilva@gmail.com");
        assertThat(IdentityKeys.identityKey("a.n.a.silva@GMAIL.com")).isEqualTo("anasilva@gmail.com");
    }

    @Test
    void keepsDotsAndTagsOfOtherProviders() {
        assertThat(IdentityKeys.identityKey("ana.silva+x@example.org")).isEqualTo("ana.silva+x@example.org");
        assertThat(IdentityKeys.identityKey("anasilva@example.org")).isNotEqualTo(IdentityKeys.identityKey("ana.silva@example.org"));
    }

    @Test
    void nameKeyIgnoresCaseAccentsAndSpacing() {
        assertThat(IdentityKeys.nameKey("  José   da SILVA ")).isEqualTo("jose da silva");
        assertThat(IdentityKeys.nameKey("Jose da Silva")).isEqualTo(IdentityKeys.nameKey("JOSÉ DA SILVA"));
    }
}
