package org.ppi.identity.login;

import java.security.Principal;
import java.util.Locale;

import org.ppi.identity.users.PlatformUser;
import org.ppi.identity.users.UserDirectory;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in form (Spring Security's form login posts to /login) and a small page for whoever signs in
 * directly, both Spanish unless the browser asks for English. Plain HTML written here: two pages do not justify
 * a template engine in a provider that should start in seconds.
 */
@Controller
class LoginPages {
    private final MessageSource messages;
    private final UserDirectory users;

    LoginPages(MessageSource messages, UserDirectory users) {
        this.messages = messages;
        this.users = users;
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(CsrfToken csrf, Locale locale, @RequestParam(required = false) String error,
                 @RequestParam(required = false) String logout) {
        Text t = new Text(messages, locale);
        String notice = error != null ? "<p class=\"error\" role=\"alert\">" + t.get("login.failed") + "</p>"
                : logout != null ? "<p class=\"notice\">" + t.get("login.signed-out") + "</p>" : "";
        return page(t, t.get("login.title"), notice + """
                <form method="post" action="/login">
                  <label for="username">%s</label>
                  <input id="username" name="username" autocomplete="username" autofocus required>
                  <label for="password">%s</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required>
                  <input type="hidden" name="%s" value="%s">
                  <button type="submit">%s</button>
                </form>
                <p class="hint">%s</p>""".formatted(t.get("login.username"), t.get("login.password"),
                esc(csrf.getParameterName()), esc(csrf.getToken()), t.get("login.submit"), t.get("login.hint")));
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String home(Principal principal, CsrfToken csrf, Locale locale) {
        Text t = new Text(messages, locale);
        String name = users.find(principal.getName()).map(PlatformUser::name).orElse(principal.getName());
        return page(t, t.get("home.title"), """
                <p>%s</p>
                <form method="post" action="/logout">
                  <input type="hidden" name="%s" value="%s">
                  <button type="submit">%s</button>
                </form>""".formatted(t.get("home.signed-in", name), esc(csrf.getParameterName()),
                esc(csrf.getToken()), t.get("home.sign-out")));
    }

    private static String page(Text t, String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s — PPI</title>
                  <style>
                    body { font-family: system-ui, sans-serif; background: #f4f5f7; color: #1f2933; margin: 0; }
                    main { max-width: 22rem; margin: 12vh auto; background: #fff; padding: 2rem; border-radius: 8px;
                           box-shadow: 0 1px 4px rgba(0,0,0,.12); }
                    h1 { font-size: 1.3rem; margin: 0 0 .25rem; } .sub { color: #52606d; margin: 0 0 1.5rem; }
                    label { display: block; margin: .75rem 0 .25rem; font-weight: 600; }
                    input { width: 100%%; box-sizing: border-box; padding: .5rem; border: 1px solid #9aa5b1; border-radius: 4px; }
                    button { margin-top: 1.25rem; width: 100%%; padding: .6rem; border: 0; border-radius: 4px;
                             background: #1d4ed8; color: #fff; font-weight: 600; cursor: pointer; }
                    .error { color: #b91c1c; } .notice { color: #047857; } .hint { color: #52606d; font-size: .85rem; }
                  </style>
                </head>
                <body><main>
                  <h1>%s</h1>
                  <p class="sub">%s</p>
                  %s
                </main></body>
                </html>
                """.formatted(t.language(), title, title, t.get("app.name"), body);
    }

    private static String esc(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }

    /** A message in the request's language, HTML-escaped (arguments included) since it goes into the page. */
    private record Text(MessageSource messages, Locale locale) {
        String get(String code, Object... args) {
            return HtmlUtils.htmlEscape(messages.getMessage(code, args, code, locale), "UTF-8");
        }

        String language() {
            return "en".equals(locale.getLanguage()) ? "en" : "es";
        }
    }
}
