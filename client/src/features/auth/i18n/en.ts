// Signing in, in English.
// Its keys are this part of MessageKey; zh-CN.ts has each of them (composed in src/i18n/messages/).
export const en = {
  'login.title': 'Sign in to KeyAccount',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.expired': 'Your session has expired. Please sign in again.',
  'login.required.email': 'Enter your email',
  'login.required.password': 'Enter your password',
};
