import { api } from '@/lib/api-client';
import type { User } from '@/types/api';

export interface SignupInput {
  username: string;
  email: string;
  password: string;
  display_name: string;
}

/** POST /api/auth/register/ — passwords go through Django's validators (errors come back per field). */
export function registerUser(input: SignupInput): Promise<User> {
  return api<User>('/api/auth/register/', { method: 'POST', body: input });
}
