import StateView from '@/components/state-view';

/** A page of one activity opened without its id (an old or mistyped link). */
export default function MissingId() {
  return <StateView className="organize-missing-id" status="error" message="没有找到这个活动，请从「活动管理」打开" />;
}
