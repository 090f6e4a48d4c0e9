import { SERVICE_FLAG_LABELS, SERVICE_TYPE_LABELS, SERVICE_TYPES } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import FieldError from '@/components/field-error';
import HoursStepper from '@/components/hours-stepper';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import TextField from '@/components/text-field';
import PendingItem from '../../components/pending-item';
import ProblemNotice from '../../components/problem-notice';
import { formatDateTime, formatElapsed } from '@/format/date-time';
import { formatHours, roomText } from '@/format/hours';
import { verificationLabel } from '@/format/verification';
import { openCheckin, openLogin, openRecords } from '../../shared/navigation';
import { type CurrentVisit, DESCRIPTION_MAX, HOURS_REASON_MAX, useVisit } from './use-visit';
import '../../components/service.scss';
import './index.scss';

function VisitSummary({ visit }: { visit: CurrentVisit }) {
  if (visit.source === 'phone') {
    return (
      <SectionCard title="本次服务" className="visit-current visit-current--phone">
        <Text className="visit-current__community">{visit.start.communityName}</Text>
        <View className="visit-current__row">
          <Text className="visit-current__label">开始时间</Text>
          <Text className="visit-current__value">{`${formatDateTime(visit.start.claimedAt)}（手机时间）`}</Text>
        </View>
        <View className="visit-current__row">
          <Text className="visit-current__label">签到方式</Text>
          <Text className="visit-current__value visit-current__method">签到待上传，有网络后自动上传</Text>
        </View>
      </SectionCard>
    );
  }
  const { record } = visit;
  return (
    <SectionCard title="本次服务" className="visit-current">
      <Text className="visit-current__community">{record.community.name}</Text>
      <View className="visit-current__row">
        <Text className="visit-current__label">开始时间</Text>
        <Text className="visit-current__value visit-current__started">{formatDateTime(record.startedAt)}</Text>
      </View>
      <View className="visit-current__row">
        <Text className="visit-current__label">已服务</Text>
        <Text className="visit-current__value">{formatElapsed(record.startedAt)}</Text>
      </View>
      <View className="visit-current__row">
        <Text className="visit-current__label">签到方式</Text>
        <Text className="visit-current__value visit-current__method">{verificationLabel(record.startVerification, 'start')}</Text>
      </View>
      {record.flags.length > 0 ? (
        <View className="visit-current__flags">
          {record.flags.map((flag) => (
            <Text key={flag} className="visit-current__flag">
              {SERVICE_FLAG_LABELS[flag]}
            </Text>
          ))}
          <Text className="service-hint">这次服务会交社区工作者确认。</Text>
        </View>
      ) : null}
    </SectionCard>
  );
}

export default function VisitPage() {
  const page = useVisit();
  const { current, visit, keptEnd, uploads } = page;
  // Camera scanning exists only in the mini-program.
  const weapp = process.env.TARO_ENV === 'weapp';

  if (!page.signedIn) {
    return (
      <View className="page visit">
        <SectionCard className="visit-login">
          <Text className="service-hint">登录后可以查看本次服务</Text>
          <Button className="visit-login__button" type="primary" size="large" block onClick={openLogin}>
            登录
          </Button>
        </SectionCard>
      </View>
    );
  }

  if (!visit) {
    const failedLoad = current.error !== undefined && !current.loading;
    return (
      <View className="page visit">
        {current.data === undefined && !failedLoad ? (
          <StateView className="visit-loading" status="loading" />
        ) : failedLoad ? (
          <StateView className="visit-error" status="error" message={current.error?.message} onRetry={() => void page.refresh()} />
        ) : (
          <SectionCard className="visit-none">
            <StateView status="empty" message="当前没有进行中的服务" />
            <Button className="service-action visit-none__checkin" type="primary" size="large" block onClick={openCheckin}>
              签到服务
            </Button>
            <Button className="service-action visit-none__records" size="large" block onClick={openRecords}>
              查看服务记录
            </Button>
          </SectionCard>
        )}
      </View>
    );
  }

  const submitting = page.busy !== null;
  const typedCode = page.demoShortCode && page.shortCode.trim() !== '';

  return (
    <View className="page visit">
      <VisitSummary visit={visit} />

      {page.problem ? (
        <View className="visit-problem">
          <ProblemNotice
            className="visit-end-error"
            problem={page.problem}
            action={page.problem.next === 'records' ? { label: '查看服务记录', onClick: openRecords } : undefined}
          />
        </View>
      ) : null}

      {keptEnd ? (
        <SectionCard title="签退待上传" className="visit-kept">
          <PendingItem
            item={keptEnd}
            busy={uploads.flushing}
            onRetry={(key) => void uploads.retry(key)}
            onDiscard={(item) => void uploads.discard(item)}
          />
          <Button className="service-action visit-kept__records" size="large" block onClick={openRecords}>
            查看服务记录
          </Button>
        </SectionCard>
      ) : (
        <SectionCard title="结束服务" className="visit-end">
          <Text className="visit-end__label">服务类型</Text>
          <View className={`visit-end__type${page.fieldErrors.serviceType ? ' visit-end__type--error' : ''}`} role="radiogroup">
            {SERVICE_TYPES.map((type) => (
              <View
                key={type}
                className={`visit-end__type-option visit-end__type-option--${type}${
                  page.serviceType === type ? ' visit-end__type-option--selected' : ''
                }`}
                role="radio"
                aria-checked={page.serviceType === type}
                onClick={() => page.setServiceType(type)}
              >
                <Text>{SERVICE_TYPE_LABELS[type]}</Text>
              </View>
            ))}
          </View>
          <FieldError className="visit-end__error" message={page.fieldErrors.serviceType} />

          <Text className="visit-end__label">服务内容</Text>
          <TextArea
            className={`visit-end__description${page.fieldErrors.description ? ' visit-end__description--error' : ''}`}
            value={page.description}
            onChange={page.setDescription}
            maxLength={DESCRIPTION_MAX}
            rows={4}
            autoSize
            placeholder="写一写这次为居民做了什么，例如：帮助独居老人清理楼道杂物"
            status={page.fieldErrors.description ? 'error' : 'default'}
          />
          <Text className="visit-end__count">{`${page.description.length}/${DESCRIPTION_MAX}`}</Text>
          <FieldError className="visit-end__error" message={page.fieldErrors.description} />

          <HoursStepper
            className="visit-end__hours"
            label="申报时长"
            value={page.hours}
            onChange={page.setHours}
            min={page.remaining === 0 ? 0 : 0.5}
            max={page.maxHours}
            hint={`实际约 ${formatHours(page.actualHours)}，超过实际时长需说明原因`}
            error={page.fieldErrors.proposedHours}
          />
          {page.remaining !== undefined && !page.fieldErrors.proposedHours ? (
            <Text className="service-hint visit-end__room">
              {page.remaining === 0 ? '今日时长已记满，本次可申报 0 小时后签退' : roomText(page.remaining)}
            </Text>
          ) : null}
          {page.aboveActual || page.fieldErrors.hoursReason ? (
            <TextField
              className="visit-end__reason"
              label="说明原因"
              required
              value={page.hoursReason}
              onChange={page.setHoursReason}
              maxLength={HOURS_REASON_MAX}
              placeholder="例如：签到前已在楼道清理"
              error={page.fieldErrors.hoursReason}
            />
          ) : null}

          {page.demoShortCode ? (
            <TextField
              className="visit-end__short-code"
              label="签到码（演示，选填）"
              value={page.shortCode}
              onChange={page.setShortCode}
              type="number"
              maxLength={6}
              placeholder="输入 6 位数字即为扫码签退"
              error={page.fieldErrors.shortCode}
            />
          ) : null}

          <View className="service-actions">
            {weapp ? (
              <Button
                className="service-action visit-end__scan"
                type="primary"
                size="large"
                block
                loading={page.busy === 'scan'}
                disabled={submitting}
                onClick={() => void page.submit('scan')}
              >
                扫码签退
              </Button>
            ) : null}
            <Button
              className="service-action visit-end__submit"
              type={weapp ? 'default' : 'primary'}
              size="large"
              block
              loading={page.busy === 'direct'}
              disabled={submitting}
              onClick={() => void page.submit('direct')}
            >
              {typedCode ? '签退' : '直接结束'}
            </Button>
          </View>
          <Text className="service-hint visit-end__hint">
            {weapp
              ? '扫码签退：再扫一次社区工作者的签到码，时长按签到、签退时间计算。直接结束：由社区工作者核定时长。'
              : '直接结束：由社区工作者核定时长后计入。'}
          </Text>
        </SectionCard>
      )}
    </View>
  );
}
