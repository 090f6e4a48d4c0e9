import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import PrivacyConsent from '@/components/privacy-consent';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import TextField from '@/components/text-field';
import { goBackOrHome } from '@/services/navigation';
import type { AuthProblem } from './auth-problems';
import { useWechatLogin, type InviteFieldErrors, type InviteForm } from './use-wechat-login';

function ProblemNotice({ problem, onRestart }: { problem: AuthProblem; onRestart: () => void }) {
  return (
    <View className="login-error" role="alert">
      <Text className="login-error__message">{problem.message}</Text>
      <Text className="login-error__hint">{problem.hint}</Text>
      {problem.next === 'restart' ? (
        <Button className="login-error__restart" size="normal" onClick={onRestart}>
          重新开始
        </Button>
      ) : null}
    </View>
  );
}

interface InviteFormProps {
  busy: boolean;
  errors: InviteFieldErrors;
  onEdit: (field: keyof InviteForm) => void;
  onSubmit: (form: InviteForm) => void;
}

function InviteBindForm({ busy, errors, onEdit, onSubmit }: InviteFormProps) {
  const [form, setForm] = useState<InviteForm>({ name: '', inviteCode: '' });
  return (
    <View className="login-invite">
      <TextField
        label="姓名"
        value={form.name}
        onChange={(name) => {
          setForm((previous) => ({ ...previous, name }));
          onEdit('name');
        }}
        placeholder="与党员名册一致"
        error={errors.name}
        required
        maxLength={32}
      />
      <TextField
        label="邀请码"
        value={form.inviteCode}
        onChange={(inviteCode) => {
          setForm((previous) => ({ ...previous, inviteCode }));
          onEdit('inviteCode');
        }}
        placeholder="向所在单位的组织者索取"
        error={errors.inviteCode}
        required
        maxLength={32}
        onConfirm={() => onSubmit(form)}
      />
      <Button
        className="login-invite__submit"
        type="primary"
        size="large"
        block
        loading={busy}
        onClick={() => onSubmit(form)}
      >
        绑定并登录
      </Button>
    </View>
  );
}

/** Mini-program sign-in, with the one-time binding to the party roster for a WeChat seen for the first time. */
export default function WechatLogin() {
  const login = useWechatLogin();
  const { step, problem, binding } = login;

  if (step === 'signing-in') {
    return (
      <SectionCard className="login-weapp">
        <StateView status="loading" message="正在通过微信登录…" rows={1} />
      </SectionCard>
    );
  }

  if (step === 'failed') {
    return (
      <SectionCard className="login-weapp">
        {problem ? <ProblemNotice problem={problem} onRestart={() => void login.restart()} /> : null}
        <Button className="login-retry" type="primary" size="large" block onClick={() => void login.restart()}>
          重新登录
        </Button>
        <Button className="login-back" size="large" block onClick={goBackOrHome}>
          先去逛逛
        </Button>
      </SectionCard>
    );
  }

  return (
    <SectionCard title="绑定党员身份" className="login-bind">
      <Text className="login-note">
        首次使用需要把微信与党员名册中的您对应起来，只需一次。之后打开小程序就会自动登录。
      </Text>
      <Text className="login-note">
        点击下方按钮，由微信提供您绑定的手机号，我们只用它在名册中找到您，不需要手动输入。
      </Text>
      {problem ? <ProblemNotice problem={problem} onRestart={() => void login.restart()} /> : null}
      <Button
        className="login-bind__phone"
        type="primary"
        size="large"
        block
        loading={binding === 'phone'}
        disabled={binding !== null}
        openType="getPhoneNumber"
        onGetPhoneNumber={(event) => void login.bindWithPhone(event.detail)}
      >
        微信手机号一键绑定
      </Button>
      {login.inviteOpen ? (
        <InviteBindForm
          busy={binding === 'invite'}
          errors={login.fieldErrors}
          onEdit={login.clearField}
          onSubmit={(form) => void login.bindWithInvite(form)}
        />
      ) : (
        <View className="link-row login-bind__invite" onClick={login.openInvite}>
          <Text>使用邀请码绑定</Text>
          <Text className="link-row__arrow">›</Text>
        </View>
      )}
      <View className="link-row login-bind__later" onClick={goBackOrHome}>
        <Text>暂不绑定，先去逛逛</Text>
        <Text className="link-row__arrow">›</Text>
      </View>
      <PrivacyConsent purpose="绑定身份需要使用微信绑定的手机号，仅用于在党员名册中找到您，不会用于其他用途。" />
    </SectionCard>
  );
}
