package com.jadecrane.waitlist;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The keys that de-duplication works on, computed once at intake so the job can stay set-based.
 * <ul>
 * <li>identity key: the email trimmed, NFKC-normalized and lower-cased; for Gmail (gmail.com and its
 * alias googlemail.com) dots and a {@code +tag} in the local part are dropped, because Gmail delivers
 * all those spellings to one mailbox. Other providers keep dots and tags: for them they may be
 * different mailboxes.</li>
 * <li>name key: the full name NFKC-normalized, lower-cased, accents stripped and spaces collapsed, so
 * "José  Silva" and "jose silva" look alike. It only flags possible duplicates for a person to decide.</li>
 * </ul>
 */
final class IdentityKeys {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private IdentityKeys() {
    }

    static String identityKey(String email) {
        String normalized = Normalizer.normalize(email.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        int at = normalized.lastIndexOf('@');
        if (at < 0) {
            return normalized;
        }
        String local = normalized.substring(0, at);
        String domain = normalized.substring(at + 1);
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
            int plus = local.indexOf('+');
            if (plus >= 0) {
                local = local.substring(0, plus);
            }
            return local.replace(".", "") + "@gmail.com";
        }
        return local + "@" + domain;
    }

    static String nameKey(String fullName) {
        String compatible = Normalizer.normalize(fullName, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String withoutAccents = COMBINING_MARKS.matcher(Normalizer.normalize(compatible, Normalizer.Form.NFD)).replaceAll("");
        return WHITESPACE.matcher(withoutAccents.strip()).replaceAll(" ");
    }
}
