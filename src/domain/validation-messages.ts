import type { TextLocale } from './locale'
import type { IssueCode, ValidationIssue } from './validation'

type Message = Record<TextLocale, string | ((issue: ValidationIssue) => string)>

const MESSAGES: Record<IssueCode, Message> = {
  invalid: { 'zh-CN': '内容格式不正确', en: 'This value is not in a valid form' },
  required: { 'zh-CN': '不能为空', en: 'This cannot be empty' },
  notANumber: { 'zh-CN': '请输入数字', en: 'Enter a number' },
  negative: { 'zh-CN': '不能为负数', en: 'This cannot be negative' },
  notPositive: { 'zh-CN': '必须大于0', en: 'This must be greater than 0' },
  notADate: { 'zh-CN': '请输入有效日期（如2025-03-12）', en: 'Enter a valid date (e.g. 2025-03-12)' },
  windowEndsBeforeStart: { 'zh-CN': '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' },
  zeroBaseline: {
    'zh-CN': '基期值不能为0：无法计算提升或降低的百分比',
    en: 'The baseline cannot be 0: a percentage change from zero cannot be calculated',
  },
  zeroDenominator: { 'zh-CN': '分母必须大于0', en: 'The denominator must be greater than 0' },
  numeratorExceedsDenominator: { 'zh-CN': '分子不能大于分母', en: 'The numerator cannot exceed the denominator' },
  percentOutOfRange: { 'zh-CN': '百分比应在0到100之间', en: 'A percentage must be between 0 and 100' },
  noStages: { 'zh-CN': '至少需要一个阶段', en: 'At least one stage is needed' },
  duplicateStage: { 'zh-CN': '阶段重复', en: 'A stage appears twice' },
  noCommitments: { 'zh-CN': '请至少选择一项目标任务', en: 'Choose at least one commitment' },
  phasingLength: {
    'zh-CN': '形象进度的个数应与计划周期内的季度或月份数一致',
    en: 'Give one phasing value for each quarter or month of the plan window',
  },
  phasingNotIncreasing: { 'zh-CN': '形象进度应逐期累计、不能下降', en: 'Phasing is cumulative and cannot go down' },
  phasingNotEndingAt100: { 'zh-CN': '形象进度最后一期应为100%', en: 'The last phasing value must be 100%' },
  notAUrl: { 'zh-CN': '请输入以 http:// 或 https:// 开头的网址', en: 'Enter a web address starting with http:// or https://' },
  dateOutOfRange: { 'zh-CN': '日期应在1990年至2100年之间', en: 'The date must be between 1990 and 2100' },
  dateOutsideWindow: { 'zh-CN': '日期应在计划的起止日期之内', en: 'The date must fall within the plan\'s start and end dates' },
  dateInFuture: { 'zh-CN': '不能登记今天以后的日期', en: 'An entry cannot be dated after today' },
  periodOutsidePlan: { 'zh-CN': '所选时段不在计划的起止日期之内', en: 'The chosen period is outside the plan\'s start and end dates' },
  unknownField: { 'zh-CN': '含有本版本不认识的字段（可能来自更新的版本），为免丢失未导入', en: 'It has a field this version does not know (perhaps from a newer version); it was not imported, so nothing is lost' },
  tooLong: {
    'zh-CN': ({ limit, found }) => `不能超过${num(limit)}字${found === undefined ? '' : `（现为${num(found)}字）`}`,
    en: ({ limit, found }) => `Keep this to ${num(limit)} characters${found === undefined ? '' : ` (it has ${num(found)})`}`,
  },
  tooLarge: {
    'zh-CN': ({ limit }) => `数值过大，不能超过${num(limit)}`,
    en: ({ limit }) => `This number is too large: at most ${num(limit)}`,
  },
  notWhole: {
    'zh-CN': '该任务以整数计（如次、场、人），请输入整数',
    en: 'This commitment counts whole things (sessions, events, people): enter a whole number',
  },
  fileTooLarge: {
    'zh-CN': ({ limit, found }) => `文件过大，每个文件不能超过${megabytes(limit)}${found === undefined ? '' : `（该文件${megabytes(found)}）`}`,
    en: ({ limit, found }) => `This file is too large: each file may be at most ${megabytes(limit)}${found === undefined ? '' : ` (it is ${megabytes(found)})`}`,
  },
  fileUnsupported: {
    'zh-CN': '只能添加照片、图片、PDF、Word或Excel文件',
    en: 'Only photos, images, PDF, Word or Excel files can be attached',
  },
  fileMarkup: {
    'zh-CN': '该文件是网页、SVG或脚本，可能含有可执行内容，不能作为佐证材料',
    en: 'This file is a web page, SVG or script, which could run code: it cannot be evidence',
  },
  fileEmpty: { 'zh-CN': '文件是空的', en: 'The file is empty' },
  entryGone: {
    'zh-CN': '该登记已被删除（可能在另一个窗口中），佐证材料未保存',
    en: 'This entry has been deleted (perhaps in another window); the evidence was not saved',
  },
  commitmentGone: {
    'zh-CN': '该目标任务已被删除（可能在另一个窗口中），登记未保存',
    en: 'This commitment has been deleted (perhaps in another window); the entry was not saved',
  },
  reviewFrozen: { 'zh-CN': '该调度已冻结，数据不能再修改', en: 'This review is frozen: its figures cannot change' },
  keeperOnly: { 'zh-CN': '只有台账员（管理员）可以修改', en: 'Only the plan keeper (administrator) can change this' },
  ownEntriesOnly: { 'zh-CN': '工作人员只能修改自己登记的记录', en: 'Staff can change only the entries they logged themselves' },
  meetingOnly: { 'zh-CN': '领导只能填写调度会的会议记录、议定事项和分析', en: 'Leaders write only a review\'s meeting record, decisions and notes' },
  leadersRead: { 'zh-CN': '领导账号只查看，不登记', en: 'A leader\'s account reads the figures; it does not log entries' },
  bandsOrder: {
    'zh-CN': '“风险”阈值应低于“序时推进”阈值，且都在0到100%之间',
    en: 'The at-risk threshold must be below the on-track threshold, both between 0 and 100%',
  },
}

const num = (value: number | undefined) => (value ?? 0).toLocaleString('en')
/** Bytes as MB with one decimal where it matters: 20 MB, 35.2 MB. */
const megabytes = (bytes: number | undefined) => `${Number(((bytes ?? 0) / 1024 / 1024).toFixed(1)).toLocaleString('en')} MB`

/** A sentence a person can act on, in the user's language. */
export function describeIssue(issue: ValidationIssue, locale: TextLocale): string {
  const message = MESSAGES[issue.code][locale]
  return typeof message === 'string' ? message : message(issue)
}
