import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import PagedListView from '@/components/paged-list-view';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import TextField from '@/components/text-field';
import { formatHours } from '@/format/hours';
import CertificateDocument from '../../components/certificate-document';
import { SignInFirst } from '../../components/page-gates';
import { formatDayKey } from '../../shared/dates';
import { openVerify } from '../../shared/navigation';
import { useCertificate } from './use-certificate';
import '../../components/activity.scss';
import './index.scss';

export default function CertificatePage() {
  const page = useCertificate();
  const h5 = process.env.TARO_ENV === 'h5';

  if (!page.signedIn) {
    return <SignInFirst pageClassName="certificate" hint="登录后可以开具报到服务证明" />;
  }

  return (
    <View className="page certificate">
      <View className="page-header">
        <Text className="page-header__title">报到服务证明</Text>
        <Text className="page-header__subtitle">
          选一段时间，列出这段时间计入的每一笔服务时长和合计。证明有编号，任何人都可以核验。
        </Text>
      </View>

      <SectionCard title="开具证明" className="certificate-form">
        <TextField
          className="certificate-form__from"
          label="开始日期"
          required
          value={page.from}
          onChange={page.setFrom}
          maxLength={10}
          placeholder="2026-01-01"
          error={page.errors.from}
        />
        <TextField
          className="certificate-form__to"
          label="结束日期"
          required
          value={page.to}
          onChange={page.setTo}
          maxLength={10}
          placeholder="2026-12-31"
          hint="按“年-月-日”写，最多 3 年"
          error={page.errors.to}
        />
        {page.message ? (
          <View className="activity-problem certificate-form__message" role="alert">
            <Text>{page.message}</Text>
          </View>
        ) : null}
        <Button className="activity-action certificate-form__submit" type="primary" size="large" block loading={page.issuing} onClick={() => void page.issue()}>
          开具证明
        </Button>
      </SectionCard>

      {page.shown ? (
        <View className="certificate-shown">
          <CertificateDocument certificate={page.shown} />
          <View className="certificate-actions">
            {h5 ? (
              <Button className="activity-action certificate-actions__print" type="primary" size="large" block onClick={() => window.print()}>
                打印
              </Button>
            ) : null}
            <Button className="activity-action certificate-actions__verify" size="large" block onClick={() => openVerify(page.shown!.serial)}>
              打开验证页
            </Button>
          </View>
        </View>
      ) : null}

      <PagedListView
        list={page.list}
        classNames={{ error: 'certificate-error', loading: 'certificate-loading', more: 'certificate-more' }}
        empty={
          <SectionCard className="certificate-list">
            <StateView className="certificate-empty" status="empty" message="还没有开具过证明" />
          </SectionCard>
        }
      >
        <SectionCard title="已开具的证明" extra={`共 ${page.list.total} 份`} className="certificate-list">
          {page.list.items.map((certificate) => (
            <View key={certificate.serial} className="certificate-item" role="button" onClick={() => page.show(certificate)}>
              <Text className="certificate-item__period">{`${formatDayKey(certificate.from)} 至 ${formatDayKey(certificate.to)}`}</Text>
              <Text className="certificate-item__meta">{`${formatHours(certificate.totalHours)} · 编号 ${certificate.serial}`}</Text>
            </View>
          ))}
        </SectionCard>
      </PagedListView>
    </View>
  );
}
