import type { CalendarDate, DateWindow } from './calendar'
import type { MonthlyUnit, PeriodUnit } from './periods'
import type { Evaluation } from './progress/types'

/** Global string ids (UUID v7), so records merge and sync between machines without renumbering. */
export type Id = string

/** A year's plan of one organisation (e.g. 2025年工作谋划), with its window 2025-01-01..2025-12-31. */
export interface Plan {
  id: Id
  name: string
  organisation: string
  window: DateWindow
}

/** A heading of the plan document's own tree (一、 / (一) / 一是); `parentId` null for a top-level section. */
export interface Section {
  id: Id
  planId: Id
  parentId: Id | null
  title: string
  order: number
}

/** ≥ N ("不少于", "以上") or ≤ N ("不超过", "以内"). */
export type Direction = 'at_least' | 'at_most'

/** 组织不少于15次集中学习: the sum of logged quantities in the window. */
export interface CountTarget {
  kind: 'count'
  value: number
  direction: Direction
  unit: string
}

/** 专家库扩充至50人以上 (from 32): the latest measurement. */
export interface LevelTarget {
  kind: 'level'
  value: number
  direction: Direction
  unit: string
  /** The level when the window opens; the expected path runs from it to the target. Null counts as 0. */
  baseline: number | null
}

/** 工作效率提升30%以上 / 法治风险降低20%以上: (latest − baseline) / baseline. */
export interface PercentChangeTarget {
  kind: 'percent_change'
  /** Size of the change in percent, always positive: 30 for +30 %, 20 for −20 %. */
  percent: number
  direction: 'increase' | 'decrease'
  /** The measured value the change is relative to; never 0. */
  baseline: number
  /** Unit of the measured value (件, 天, 分). */
  unit: string
}

/** 考核占比不低于20%; 参学率100%: the latest numerator/denominator, in percent. */
export interface RatioTarget {
  kind: 'ratio'
  percent: number
  direction: Direction
  /** Percent when the window opens; null counts as 0. */
  baseline: number | null
}

/** 每月集中学习交流不少于一次: every calendar period in the window must reach `minimum`. */
export interface RecurringTarget {
  kind: 'recurring'
  period: PeriodUnit
  minimum: number
  unit: string
}

export interface MilestoneStage {
  id: Id
  title: string
  dueDate: CalendarDate | null
}

/** 建立法治决策咨询专家库 (one stage) or 新增法治文化展示区3处 (three stages): all stages done. */
export interface MilestoneTarget {
  kind: 'milestone'
  stages: MilestoneStage[]
}

export type Target = CountTarget | LevelTarget | PercentChangeTarget | RatioTarget | RecurringTarget | MilestoneTarget
export type TargetKind = Target['kind']

/**
 * 形象进度: cumulative percent expected by the end of each calendar quarter or month of the window
 * (e.g. quarters [20, 50, 75, 100]); linear within each phase.
 */
export type PhasingUnit = Extract<PeriodUnit, 'quarter' | 'month'>
export interface Phasing {
  unit: PhasingUnit
  cumulative: number[]
}

export interface Commitment {
  id: Id
  planId: Id
  sectionId: Id | null
  /** As written in the plan: 组织集中学习. */
  title: string
  target: Target
  /** 牵头单位 */
  leadDepartmentId: Id | null
  /** 协办单位 */
  coDepartmentIds: Id[]
  /** 分管领导 */
  leaderId: Id | null
  /** 责任人 */
  ownerId: Id | null
  /** 完成时限; the window's end when null. */
  dueDate: CalendarDate | null
  phasing: Phasing | null
  order: number
}

interface EntryBase {
  id: Id
  /** One real activity may count toward several commitments. */
  commitmentIds: Id[]
  date: CalendarDate
  note: string
  /** Who took part, as typed (全体干部, 张三、李四). */
  participants: string
  /** Where it happened (三楼会议室). */
  place: string
  /** A link to the evidence (minutes, photos, a published article): http(s) only, or ''. */
  evidenceUrl: string
}

/** An activity: 3 study sessions on 2025-03-12. Feeds count and recurring targets. */
export interface QuantityEntry extends EntryBase {
  type: 'quantity'
  quantity: number
}

/**
 * A measurement: expert pool is 38 people (level, percent change), or 41 of 180 staff assessed (ratio, with a
 * denominator; without one, `value` is the percent itself).
 */
export interface MeasurementEntry extends EntryBase {
  type: 'measurement'
  value: number
  denominator: number | null
}

/** A milestone stage done on a date. */
export interface MilestoneEntry extends EntryBase {
  type: 'milestone'
  stageId: Id
}

export type Entry = QuantityEntry | MeasurementEntry | MilestoneEntry
export type EntryType = Entry['type']

/** What an evidence file is, by its content (src/io/evidence-type.ts): a photo or image, a PDF, a Word or Excel file. */
export const EVIDENCE_KINDS = ['image', 'pdf', 'word', 'excel'] as const
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]

/**
 * 佐证材料 (#17): a file that proves an entry — the photo of the lecture, the signed attendance sheet, the minutes.
 * This row says what the file is; its bytes (and an image's thumbnail) are stored apart, so that nothing that reads
 * entries or rows ever reads a file.
 */
export interface Attachment {
  id: Id
  entryId: Id
  /** The file's name as chosen (a camera's IMG_2041.jpg, 签到表.pdf), shown beside it. */
  name: string
  kind: EvidenceKind
  /** The MIME type its bytes are offered as: the type found in them, never the name's. */
  mime: string
  /** Bytes stored (a photo's after downscaling). */
  size: number
  /** SHA-256 of the stored bytes, in hex: what a backup or another device checks the bytes against. */
  sha256: string
}

/** A department (牵头单位, 协办单位): a simple managed list. */
export interface Department {
  id: Id
  name: string
}

/** A person: responsible leader (分管领导) or responsible person (责任人). */
export interface Person {
  id: Id
  name: string
  departmentId: Id | null
}

/** The periods a review covers: a month, a quarter, a half-year or the whole year. */
export type ReviewPeriodUnit = Extract<MonthlyUnit, 'month' | 'quarter' | 'half_year' | 'year'>
export const REVIEW_PERIOD_UNITS: readonly ReviewPeriodUnit[] = ['month', 'quarter', 'half_year', 'year']

/** 2025年第三季度: `index` counts from 1 within the year (month 1–12, quarter 1–4, half-year 1–2, year 1). */
export interface ReviewPeriod {
  unit: ReviewPeriodUnit
  year: number
  index: number
}

/** What the meeting recorded about one commitment. */
export interface ReviewNote {
  commitmentId: Id
  /** 进展情况 as edited; null while it is the text generated from the figures. */
  narrative: string | null
  /** 存在问题 */
  problems: string
  /** 下一步措施 */
  nextSteps: string
}

/**
 * The figures a meeting saw, stored when the review is frozen: the plan's rows and every commitment's evaluation
 * at the period end, with the names they showed, so later edits and late entries do not change them.
 */
export interface ReviewSnapshot {
  /** ISO instant of the freeze. */
  frozenAt: string
  /** The date the figures were taken at: the period's end, or the day of the freeze if the period had not ended. */
  asOf: CalendarDate
  plan: Pick<Plan, 'name' | 'organisation' | 'window'>
  sections: Section[]
  commitments: Commitment[]
  departments: Department[]
  people: Person[]
  evaluations: Evaluation[]
}

/** A review meeting (季度调度) of a plan for a period, with its analysis and decisions; frozen once it has a snapshot. */
export interface Review {
  id: Id
  planId: Id
  title: string
  period: ReviewPeriod
  /** The period's last day, kept inside the plan's window: the date the review's figures are taken at. */
  periodEnd: CalendarDate
  /** 会议日期 */
  meetingDate: CalendarDate | null
  /** 参会人员, as typed. */
  attendees: string
  /** 会议议定事项 */
  decisions: string
  notes: ReviewNote[]
  snapshot: ReviewSnapshot | null
}
