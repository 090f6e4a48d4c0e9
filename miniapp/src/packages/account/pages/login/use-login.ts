import { useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { ROLES, type Role } from '@pioneer/shared-types';
import { asApiError, type ApiError } from '@/api/api-error';
import { demoLogin } from '@/api/auth';
import { createIdempotencyKey } from '@/api/client';
import { ROLE_LABELS } from '@/constants/labels';
import { goBackOrHome } from '@/services/navigation';
import { saveToken } from '@/services/session';

export const DEMO_ROLE_OPTIONS: { role: Role; label: string }[] = ROLES.map((role) => ({
  role,
  label: ROLE_LABELS[role],
}));

export function useLogin() {
  const [pendingRole, setPendingRole] = useState<Role | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // Tapping the same role again after a network failure reuses the key, so the server can replay the first answer.
  const lastAttempt = useRef<{ role: Role; key: string } | null>(null);

  const signInAs = useCallback(
    async (role: Role): Promise<void> => {
      if (pendingRole) return;
      const key = lastAttempt.current?.role === role ? lastAttempt.current.key : createIdempotencyKey();
      lastAttempt.current = { role, key };
      setPendingRole(role);
      setError(null);
      try {
        const token = await demoLogin({ role }, key);
        saveToken(token.accessToken, token.expiresIn);
        lastAttempt.current = null;
        Taro.showToast({ title: '登录成功', icon: 'success' }).catch(() => undefined);
        goBackOrHome();
      } catch (caught) {
        setError(asApiError(caught));
      } finally {
        setPendingRole(null);
      }
    },
    [pendingRole],
  );

  return { pendingRole, error, signInAs };
}
