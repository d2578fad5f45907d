package dev.herald.partners.security;

import dev.herald.platform.control.BrowserProtection;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts the security headers on the response before Jakarta Security's own interceptors of the
 * portal's mechanism run: {@code @LoginToContinue} redirects a signed-out visitor to the login page
 * itself, before the mechanism or any filter is called, and that answer would otherwise carry none
 * of them. It runs outside those interceptors (a lower priority number).
 */
@SecurityHeaders
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class SecurityHeadersInterceptor {

    @AroundInvoke
    Object protect(InvocationContext invocation) throws Exception {
        Object[] arguments = invocation.getParameters();
        if ("validateRequest".equals(invocation.getMethod().getName())
                && arguments.length == 3
                && arguments[0] instanceof HttpServletRequest request
                && arguments[1] instanceof HttpServletResponse response
                && arguments[2] instanceof HttpMessageContext context) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            BrowserProtection.protect(request, response, BrowserProtection.isPage(path));
            if (context.isProtected()
                    && request.getUserPrincipal() == null
                    && context.getAuthParameters().getCredential() == null) {
                // A signed-out visitor of a protected page gets a redirect to the login page and nothing else.
                response.setHeader("Content-Security-Policy", BrowserProtection.OTHER_POLICY);
            }
        }
        return invocation.proceed();
    }
}
