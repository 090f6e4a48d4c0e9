import { useCallback, useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '@pioneer/shared-types';
import { asApiError, type ApiError } from '@/api/api-error';
import { demoLogin } from '@/api/auth';
import { useRetryKey } from '@/hooks/use-retry-key';
import { completeSignIn } from '@/services/account';

export const DEMO_ROLE_OPTIONS: { role: Role; label: string }[] = ROLES.map((role) => ({
  role,
  label: ROLE_LABELS[role],
}));

export function useDemoLogin() {
  const [pendingRole, setPendingRole] = useState<Role | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // Tapping the same role again after a network failure reuses the key, so the server can replay the first answer.
  const { keyFor, reset } = useRetryKey();

  const signInAs = useCallback(
    async (role: Role): Promise<void> => {
      if (pendingRole) return;
      setPendingRole(role);
      setError(null);
      try {
        const tokens = await demoLogin({ role }, keyFor(role));
        reset();
        completeSignIn(tokens);
      } catch (caught) {
        setError(asApiError(caught));
      } finally {
        setPendingRole(null);
      }
    },
    [pendingRole, keyFor, reset],
  );

  return { pendingRole, error, signInAs };
}
