import type { ErrorCode } from '@pioneer/shared-types';

export interface ErrorSpec {
  status: number;
  /** The default sentence shown to people; a thrower may give a more specific one. */
  message: string;
}

/**
 * Every ErrorCode maps to a status and a Chinese message here and only here.
 * `Record<ErrorCode, …>` makes a new code fail to compile until it is mapped.
 */
export const ERROR_CATALOG: Record<ErrorCode, ErrorSpec> = {
  VALIDATION_FAILED: { status: 400, message: '提交的内容有误，请按提示修改后再试' },
  BAD_REQUEST: { status: 400, message: '请求格式不正确' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  TOKEN_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  FORBIDDEN: { status: 403, message: '您没有权限这样做' },
  NOT_FOUND: { status: 404, message: '要找的记录不存在或已被删除' },
  ROUTE_NOT_FOUND: { status: 404, message: '访问的地址不存在' },
  CONFLICT: { status: 409, message: '操作与当前状态冲突，请刷新后再试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  BODY_TOO_DEEP: { status: 400, message: '提交的内容层级过深，请检查后重试' },
  BODY_ENCODING_INVALID: { status: 400, message: '提交的内容不是有效的 UTF-8 编码，请检查后重试' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容格式，请以 JSON 提交' },
  RATE_LIMITED: { status: 429, message: '操作太频繁，请稍后再试' },
  IDEMPOTENCY_KEY_MISSING: { status: 400, message: '缺少 Idempotency-Key 请求头' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: '同一个 Idempotency-Key 不能用于不同的内容' },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, message: '相同的请求正在处理中，请稍候' },
  DEMO_DISABLED: { status: 404, message: '演示登录仅在演示模式下可用' },
  DEMO_ROLE_UNAVAILABLE: { status: 404, message: '演示数据中没有该角色的人员' },
  WECHAT_CODE_INVALID: { status: 400, message: '微信登录凭证无效或已使用，请重新进入小程序' },
  WECHAT_RATE_LIMITED: { status: 429, message: '微信登录过于频繁，请一分钟后再试' },
  WECHAT_RISKY_USER: { status: 403, message: '微信判定当前账号存在风险，暂时无法登录' },
  WECHAT_UPSTREAM_TIMEOUT: { status: 504, message: '微信服务响应超时，请稍后再试' },
  WECHAT_UPSTREAM_ERROR: { status: 502, message: '微信服务暂时不可用，请稍后再试' },
  REFRESH_TOKEN_INVALID: { status: 401, message: '登录状态已失效，请重新登录' },
  REFRESH_TOKEN_REUSED: { status: 401, message: '检测到登录凭证被重复使用，已退出所有相关登录，请重新登录' },
  SESSION_EXPIRED: { status: 401, message: '登录已超时，请重新登录' },
  MEMBER_INACTIVE: { status: 403, message: '该账号已停用（退休、离开或转出），如有疑问请联系所在单位组织者' },
  BIND_TICKET_INVALID: { status: 400, message: '绑定已超时，请重新进入小程序' },
  BIND_PHONE_NOT_IN_ROSTER: { status: 404, message: '党员名册中没有这个手机号，请使用邀请码绑定或联系所在单位组织者' },
  BIND_INVITE_INVALID: { status: 400, message: '姓名或邀请码不正确，或邀请码已过期' },
  ALREADY_BOUND: { status: 409, message: '该党员已绑定其他微信账号，如需更换请联系组织者解绑' },
  CONSOLE_TICKET_INVALID: { status: 400, message: '登录二维码无效，请刷新网页后重新扫码' },
  CONSOLE_TICKET_EXPIRED: { status: 410, message: '登录二维码已过期，请刷新网页后重新扫码' },
  UNIT_CODE_TAKEN: { status: 409, message: '单位代码已被使用' },
  ORG_IN_USE: { status: 409, message: '仍有党员或社区关联此记录，不能删除' },
  ROLE_SCOPE_INVALID: { status: 400, message: '角色与其范围不匹配' },
  ADMIN_DUTIES_SEPARATE: { status: 409, message: '管理员职责与组织者职责须由不同账号承担' },
  ROSTER_FILE_INVALID: { status: 400, message: '无法读取名册文件，请上传 xlsx 或 csv 格式' },
  ROSTER_TOO_LARGE: { status: 413, message: '名册文件过大，请分批导入（每次不超过 5000 行）' },
  ROSTER_XLSX_ENCRYPTED: {
    status: 400,
    message: '该文件是加密的 Excel 工作簿或旧版 Excel（.xls）文件，无法读取。请在 Excel 中取消密码保护，另存为未加密的 .xlsx 文件后再上传',
  },
  ROSTER_XLSX_CORRUPT: { status: 400, message: '该 Excel 文件已损坏或不完整，无法读取。请在 Excel 中重新保存为 .xlsx 文件后再上传' },
  ROSTER_XLSX_TOO_LARGE: {
    status: 413,
    message: '该 Excel 文件解压后的内容过大，不像是一份名册。请删去多余的工作表、图片和格式，或另存为“CSV UTF-8”后再上传',
  },
  REGISTRATION_ACTIVE_EXISTS: { status: 409, message: '您已有一个待审核或已通过的报到社区，如需更换请先结束原报到关系' },
  REGISTRATION_REQUIRED: { status: 403, message: '请先到该社区报到，社区工作者同意后再签到服务' },
  CHECKIN_METHOD_REQUIRED: { status: 400, message: '请扫描社区工作者出示的签到码，或选择定位签到' },
  CHECKIN_CODE_INVALID: { status: 400, message: '签到码无效，请扫描社区工作者手机上正在显示的签到码' },
  CHECKIN_CODE_EXPIRED: { status: 400, message: '签到码已过期，请重新扫描最新的签到码' },
  CHECKIN_CODE_REUSED: { status: 409, message: '这个签到码您已经使用过了，请扫描最新的签到码' },
  CHECKIN_CODE_WRONG_COMMUNITY: { status: 400, message: '这是其他社区的签到码，请扫描您报到社区的签到码' },
  SERVICE_ALREADY_OPEN: { status: 409, message: '您有一次服务还没有签退，请先结束它' },
  SERVICE_NOT_OPEN: { status: 409, message: '这次服务已经结束，无需重复签退' },
  ALREADY_DECIDED: { status: 409, message: '该记录已处理过' },
  SERVICE_DAILY_CAP: { status: 422, message: '超过当日可记时长上限，请按实际时长填写' },
  SERVICE_TIME_OVERLAP: { status: 409, message: '这段时间与该党员当天的另一条服务记录重叠，请核对时间' },
  SERVICE_NOT_RESUBMITTABLE: { status: 409, message: '只有未通过的记录可以修改后重新提交，且每条只能重新提交一次' },
  SERVICE_UNDO_EXPIRED: { status: 409, message: '已超过可撤销的时间，如需修改请填写更正理由' },
  OWN_RECORD: { status: 403, message: '不能审核自己的服务记录' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂时不可用，请稍后再试' },
  INTERNAL_ERROR: { status: 500, message: '服务器开小差了，请稍后再试' },
};
