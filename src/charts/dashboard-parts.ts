import { use } from 'echarts/core'
import { BarChart, HeatmapChart, PieChart, TreemapChart } from 'echarts/charts'
import { CalendarComponent } from 'echarts/components'

/** The series of the dashboard's charts (src/charts/dashboard.ts). */
use([BarChart, PieChart, TreemapChart, HeatmapChart, CalendarComponent])
