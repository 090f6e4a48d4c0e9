import { useState, type ReactNode } from 'react';
import Taro, { useLoad } from '@tarojs/taro';
import { MEMBER_STATUS_LABELS, type MemberHistoryEntry, type MemberView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import { toast } from '@/services/toast';
import ManageFrame from '../../components/manage-frame';
import StatusTag from '@/components/status-tag';
import { formatDateTime } from '@/format/date-time';
import { formatRole } from '@/format/role';
import { formatDuration } from '../../shared/format';
import { HISTORY_KIND_LABELS, STATUS_TONES } from '../../shared/labels';
import type { Viewer } from '../../shared/use-viewer';
import { EditForm, RoleForm, StatusForm, TransferForm } from './person-forms';
import { usePerson } from './use-person';
import './index.scss';

type PersonState = ReturnType<typeof usePerson>;

function Row({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <View className={['manage-row', className].filter(Boolean).join(' ')}>
      <Text className="manage-row__label">{label}</Text>
      <View className="manage-row__value">{children}</View>
    </View>
  );
}

function InvitePanel({ code, expiresIn, onDone }: { code: string; expiresIn: number; onDone: () => void }) {
  const copy = (): void => {
    // WeChat announces the copy itself; the browser does not.
    Taro.setClipboardData({ data: code }).then(
      () => {
        if (process.env.TARO_ENV === 'h5') toast('已复制');
      },
      () => toast('复制失败，请手动记下', 'none'),
    );
  };
  return (
    <View className="person-invite" role="alert">
      <Text className="person-invite__title">邀请码仅显示一次</Text>
      <Text className="person-invite__code" selectable>
        {code}
      </Text>
      <Text className="manage-meta">
        {`请现在复制或当面告知本人。${formatDuration(expiresIn)}内有效，只能使用一次；本人在小程序中选择“用邀请码绑定”，填写名册中的姓名和这个邀请码就可以了。`}
      </Text>
      <View className="manage-actions">
        <Button className="manage-actions__item person-invite__copy" type="primary" onClick={copy}>
          复制邀请码
        </Button>
        <Button className="manage-actions__item person-invite__done" onClick={onDone}>
          我已记下
        </Button>
      </View>
    </View>
  );
}

function Profile({ member, state, viewer }: { member: MemberView; state: PersonState; viewer: Viewer }) {
  const mayReveal = viewer.isAdmin || viewer.isOrganizer;
  return (
    <SectionCard className="person-profile">
      <View className="person-profile__head">
        <Text className="person-name">{member.name}</Text>
        <StatusTag className="person-status-tag" tone={STATUS_TONES[member.status]}>
          {MEMBER_STATUS_LABELS[member.status]}
        </StatusTag>
      </View>
      <Row label="手机" className="person-phone">
        <Text className="person-phone__number">{state.phone ?? member.phone ?? '未登记'}</Text>
        {state.phone ? (
          <Text className="manage-meta">本次查看已记录在案</Text>
        ) : member.phone && mayReveal ? (
          <Text className="manage-link person-reveal-phone" onClick={() => void state.reveal()}>
            {state.revealing ? '正在读取…' : '查看完整号码'}
          </Text>
        ) : null}
        {state.phoneError ? <Text className="manage-meta person-phone__error">{state.phoneError.message}</Text> : null}
      </Row>
      <Row label="单位" className="person-unit">
        <Text>{member.unit.name}</Text>
      </Row>
      <Row label="支部" className="person-branch">
        <Text>{member.branch?.name ?? '未指定'}</Text>
      </Row>
      <Row label="微信" className="person-wechat">
        <Text>{member.wechatBound ? '已绑定' : '未绑定'}</Text>
      </Row>
      {state.invite ? (
        <InvitePanel code={state.invite.inviteCode} expiresIn={state.invite.expiresIn} onDone={state.dismissInvite} />
      ) : null}
    </SectionCard>
  );
}

function Actions({ member, state, viewer }: { member: MemberView; state: PersonState; viewer: Viewer }) {
  const enrolled = member.status === 'active' || member.status === 'invited';
  const closed = state.panel === null;
  return (
    <SectionCard className="person-actions" title="办理">
      {closed ? (
        <View className="manage-actions">
          <Button className="manage-actions__item person-action--edit" onClick={() => state.open('edit')}>
            修改信息
          </Button>
          {enrolled ? (
            <Button className="manage-actions__item person-action--transfer" onClick={() => state.open('transfer')}>
              转单位
            </Button>
          ) : null}
          <Button className="manage-actions__item person-action--status" onClick={() => state.open('status')}>
            {enrolled ? '标记退休 / 离开' : '恢复在册'}
          </Button>
          {viewer.isOrganizer && enrolled && !member.wechatBound ? (
            <Button
              className="manage-actions__item person-action--invite"
              loading={state.issueInvite.pending}
              onClick={() => void state.generateInvite(member.name)}
            >
              生成邀请码
            </Button>
          ) : null}
          {viewer.isOrganizer && member.wechatBound ? (
            <Button
              className="manage-actions__item person-action--unbind"
              loading={state.unbind.pending}
              onClick={() => void state.unbindWechat(member.name)}
            >
              解除微信绑定
            </Button>
          ) : null}
        </View>
      ) : null}
      {state.issueInvite.error ? <View className="manage-banner">{state.issueInvite.error.message}</View> : null}
      {state.unbind.error ? <View className="manage-banner">{state.unbind.error.message}</View> : null}
      {state.panel === 'edit' ? (
        <EditForm
          member={member}
          saving={state.edit.pending}
          error={state.edit.error}
          onCancel={() => state.open(null)}
          onSubmit={(body) => void state.saveEdit(body)}
        />
      ) : null}
      {state.panel === 'transfer' ? (
        <TransferForm
          member={member}
          saving={state.transfer.pending}
          error={state.transfer.error}
          onCancel={() => state.open(null)}
          onSubmit={(body, summary) => void state.saveTransfer(body, summary)}
        />
      ) : null}
      {state.panel === 'status' ? (
        <StatusForm
          member={member}
          saving={state.status.pending}
          error={state.status.error}
          onCancel={() => state.open(null)}
          onSubmit={(body, summary) => void state.saveStatus(body, summary)}
        />
      ) : null}
    </SectionCard>
  );
}

function Roles({ member, state, viewer }: { member: MemberView; state: PersonState; viewer: Viewer }) {
  return (
    <SectionCard className="person-roles" title="角色">
      {member.roles.length === 0 ? <Text className="manage-meta">暂无角色</Text> : null}
      {member.roles.map((role) => {
        const label = formatRole(role);
        return (
          <View key={role.id} className="person-role">
            <Text className="person-role__label">{label}</Text>
            {viewer.isAdmin ? (
              <Text className="manage-link manage-link--danger person-role__revoke" onClick={() => void state.revoke(role, label)}>
                撤销
              </Text>
            ) : null}
          </View>
        );
      })}
      {viewer.isAdmin ? (
        state.panel === 'role' ? (
          <RoleForm
            member={member}
            saving={state.grant.pending}
            error={state.grant.error}
            onCancel={() => state.open(null)}
            onSubmit={(body) => void state.saveGrant(body)}
          />
        ) : (
          <View className="manage-actions">
            <Button className="manage-actions__item person-role-grant" onClick={() => state.open('role')}>
              授予角色
            </Button>
          </View>
        )
      ) : (
        <Text className="manage-meta">角色由管理员授予和撤销。</Text>
      )}
    </SectionCard>
  );
}

function History({ state }: { state: PersonState }) {
  const { history } = state;
  let body: ReactNode;
  if (!history.data) {
    body =
      history.error && !history.loading ? (
        <StateView status="error" message={history.error.message} onRetry={() => void history.reload()} rows={2} />
      ) : (
        <StateView status="loading" rows={2} />
      );
  } else if (history.data.length === 0) {
    body = <Text className="manage-meta">暂无变更记录</Text>;
  } else {
    body = history.data.map((entry: MemberHistoryEntry, index) => (
      <View key={`${entry.at}-${index}`} className="person-history-item">
        <Text className="person-history-item__head">{`${formatDateTime(entry.at)} · ${HISTORY_KIND_LABELS[entry.kind] ?? entry.kind}`}</Text>
        <Text className="person-history-item__summary">{entry.summary}</Text>
        {entry.actorName ? <Text className="manage-meta">{`办理人：${entry.actorName}`}</Text> : null}
      </View>
    ));
  }
  return (
    <SectionCard className="person-history" title="变更记录">
      {body}
    </SectionCard>
  );
}

/** One member's page: profile, what can be done for them, roles and history. */
export function PersonView({ memberId, viewer }: { memberId: string; viewer: Viewer }) {
  const state = usePerson(memberId);
  const member = state.member.data;
  if (!member) {
    return state.member.error && !state.member.loading ? (
      <StateView className="person-error" status="error" message={state.member.error.message} onRetry={() => void state.member.reload()} />
    ) : (
      <StateView className="person-loading" status="loading" />
    );
  }
  return (
    <>
      <Profile member={member} state={state} viewer={viewer} />
      <Actions member={member} state={state} viewer={viewer} />
      <Roles member={member} state={state} viewer={viewer} />
      <History state={state} />
    </>
  );
}

export default function PersonPage() {
  // Read at load: the content below mounts later (after the viewer is known) and would miss the event.
  const [memberId, setMemberId] = useState<string | null>(null);
  useLoad((options: Record<string, string | undefined>) => {
    setMemberId(options.id ? decodeURIComponent(options.id) : '');
  });
  return (
    <ManageFrame
      className="person"
      title="党员详情"
      allow={(viewer) => viewer.isOrganizer || viewer.isAdmin}
      deniedMessage="党员详情仅供组织者和管理员查看。"
    >
      {(viewer) =>
        memberId === null ? (
          <StateView status="loading" />
        ) : memberId === '' ? (
          <StateView className="person-missing" status="empty" message="没有指定要查看的党员，请从党员名册进入。" />
        ) : (
          <PersonView memberId={memberId} viewer={viewer} />
        )
      }
    </ManageFrame>
  );
}
