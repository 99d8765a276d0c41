import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, ifMatch, unwrap, unwrapWithETag, type Schemas } from '../../api/client';
import type { paths } from '../../api/schema';
import { useCreateMutation } from '../../shared/idempotency';

export type UserDto = Schemas['UserDto'];
export type UserFields = Schemas['UserFields'];
export type CreateUserBody = Schemas['CreateUserCommand'];
export type PasswordResetInput = Schemas['PasswordResetInput'];
export type Role = Schemas['Role'];
export type Department = Schemas['Department'];
export type UsersQuery = NonNullable<paths['/api/v1/users']['get']['parameters']['query']>;

export const ROLES: readonly Role[] = ['Admin', 'Director', 'AccountManager', 'ServiceAgent', 'QualityManager', 'Marketing'];
export const DEPARTMENTS: readonly Department[] = ['Sales', 'Marketing', 'Service', 'Technical', 'Product', 'Quality', 'Logistics', 'Finance'];
export const LANGUAGES = ['zh-CN', 'en'] as const;

const keys = {
  all: ['users'] as const,
  user: (id: string) => ['users', id] as const,
};

export function useUsers(query: UsersQuery) {
  return useQuery({
    queryKey: [...keys.all, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string) {
  return useQuery({ queryKey: keys.user(id), queryFn: () => unwrapWithETag(api.GET('/api/v1/users/{id}', { params: { path: { id } } })) });
}

/** Active users for a picker (names, roles, departments; no emails). */
export function useUserLookup(query: { role?: Role; q?: string }, enabled = true) {
  return useQuery({
    queryKey: [...keys.all, 'lookup', query],
    queryFn: () => unwrap(api.GET('/api/v1/users/lookup', { params: { query: { ...query, limit: 50 } } })),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useCreateMutation({
    create: (body: CreateUserBody, key) => unwrap(api.POST('/api/v1/users', { body, headers: idempotencyKey(key) })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUpdateUser(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: UserFields; etag: string }) =>
      unwrapWithETag(api.PUT('/api/v1/users/{id}', { body, params: { path: { id }, header: ifMatch(etag) } })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export type UserAction = 'deactivate' | 'reactivate' | 'unlock';

/** A step on the user under its ETag: deactivate, reactivate, unlock. */
export function useUserAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, etag }: { action: UserAction; etag: string }) => {
      const options = { params: { path: { id }, header: ifMatch(etag) } };
      switch (action) {
        case 'deactivate':
          return unwrap(api.POST('/api/v1/users/{id}/deactivate', options));
        case 'reactivate':
          return unwrap(api.POST('/api/v1/users/{id}/reactivate', options));
        default:
          return unwrap(api.POST('/api/v1/users/{id}/unlock', options));
      }
    },
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useResetPassword(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: PasswordResetInput; etag: string }) =>
      unwrap(api.POST('/api/v1/users/{id}/reset-password', { body, params: { path: { id }, header: ifMatch(etag) } })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

/** Anonymous: sets the password with a set-password link's token. */
export function useSetPassword() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => unwrap(api.POST('/api/v1/auth/set-password', { body })),
  });
}
