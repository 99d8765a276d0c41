// Shared test utilities: render in the app's providers, the fake API, user-event helpers, mocked hooks. A test that must
// stub globals before the API client is created (session.test) imports this module dynamically, after the stub.
export { fakeApi, fakeApiPerTest, json, type FakeApi, type Recorded } from './fakeApi';
export { fakeMutation } from './mocks';
export { ALL_PERMISSIONS, TEST_TOKEN, renderWithProviders, seedSession, testUser, type RenderOptions } from './render';
export { SLOW, chooseOption, confirmPopconfirm, retype, setupUser, type TestUser } from './user';
export { chineseT } from './i18n';
