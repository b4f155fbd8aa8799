"""Renders the synthetic résumé set (known fields) as PNG/JPEG photos, scanned and text-layer PDFs and DOCX.

Run directly to write the set into a folder: `python tests/resume/make_resumes.py /tmp/resumes`.
"""
from __future__ import annotations

import io
import json
import sys
import textwrap
import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
# Every résumé's "至今" is measured to this day, so expected years of experience are fixed.
TODAY = date(2025, 6, 30)

PAGE_W, PAGE_H = 1240, 1754  # A4 at 150 dpi
MARGIN = 90


@dataclass
class ResumeCase:
    case_id: str
    fmt: str  # png | jpg_exif | scan_pdf | text_pdf | docx
    blocks: list[tuple]
    expected: dict
    rotate: int = 0  # degrees counter-clockwise the page is turned in the photo
    noise: bool = False
    sensitive: list[str] = field(default_factory=list)

    @property
    def filename(self) -> str:
        ext = {"png": "png", "jpg_exif": "jpg", "scan_pdf": "pdf", "text_pdf": "pdf", "docx": "docx"}[self.fmt]
        return f"{self.case_id}.{ext}"

    @property
    def page_count(self) -> int:
        """Pages of the rendered image or scan (text formats flow on their own)."""
        return 1 + sum(1 for block in self.blocks if block[0] == "pagebreak")

    @property
    def is_image_page(self) -> bool:
        return self.fmt in {"png", "jpg_exif", "scan_pdf"}


def edu(school, degree, major, start, end):
    return {"school": school, "degree": degree, "major": major, "start": start, "end": end}


def job(employer, title, start, end):
    return {"employer": employer, "title": title, "start": start, "end": end}


def _cases() -> list[ResumeCase]:
    cases = []

    cases.append(ResumeCase(
        "r01_zhang_wei", "png",
        [
            ("title", "张伟  个人简历"),
            ("line", "电话：138-1234-5678    邮箱：zhang.wei@example.com"),
            ("line", "性别：男   年龄：30岁   婚姻状况：已婚   民族：汉族   政治面貌：中共党员"),
            ("heading", "【教育背景】"),
            ("table", [["2015.09-2018.06", "上海财经大学", "金融工程", "硕士"],
                       ["2011.09-2015.06", "复旦大学", "金融学", "本科"]]),
            ("heading", "【工作经历】"),
            ("line", "2018.07-至今    招商银行股份有限公司    风险管理经理"),
            ("para", "负责零售信贷风险控制模型的开发与监控，带领5人团队完成评分卡迭代，不良率下降0.3个百分点。"),
            ("heading", "【专业技能】"),
            ("line", "Python、SQL、SAS、风险控制"),
            ("heading", "【证书】"),
            ("line", "FRM、银行从业资格"),
            ("heading", "【语言能力】"),
            ("line", "英语六级（CET-6）"),
        ],
        {
            "name": "张伟", "phone": "13812345678", "email": "zhang.wei@example.com",
            "education": [edu("上海财经大学", "硕士", "金融工程", "2015-09", "2018-06"),
                          edu("复旦大学", "本科", "金融学", "2011-09", "2015-06")],
            "work": [job("招商银行股份有限公司", "风险管理经理", "2018-07", "至今")],
            "years_experience": 7.0,
            "skills": ["Python", "SQL", "SAS", "风险控制"],
            "certificates": ["FRM", "银行从业资格"],
            "languages": ["CET-6"],
        },
        sensitive=["已婚", "汉族", "党员", "30岁"],
    ))

    cases.append(ResumeCase(
        "r02_li_na", "text_pdf",
        [
            ("title", "个人简历"),
            ("line", "姓名：李娜"),
            ("line", "手机：+86 139 0011 2233"),
            ("line", "邮箱：lina_1993@163.com"),
            ("line", "出生日期：1993年5月    健康状况：良好    宗教信仰：无"),
            ("heading", "工作经历"),
            ("line", "公司：中国太平洋保险（集团）股份有限公司"),
            ("line", "职位：高级核保师"),
            ("line", "时间：2019年4月 - 至今"),
            ("para", "工作内容：负责寿险新契约核保，审核高额保单的财务与健康告知资料。"),
            ("line", "公司：中国平安人寿保险股份有限公司"),
            ("line", "职位：核保专员"),
            ("line", "时间：2016年7月 - 2019年3月"),
            ("heading", "教育背景"),
            ("line", "学校：中南财经政法大学"),
            ("line", "专业：保险学"),
            ("line", "学历：本科"),
            ("line", "时间：2012年9月 - 2016年6月"),
            ("heading", "技能与证书"),
            ("line", "技能：核保、理赔、Excel"),
            ("line", "证书：保险从业资格"),
            ("line", "语言：英语四级"),
        ],
        {
            "name": "李娜", "phone": "13900112233", "email": "lina_1993@163.com",
            "education": [edu("中南财经政法大学", "本科", "保险学", "2012-09", "2016-06")],
            "work": [job("中国太平洋保险(集团)股份有限公司", "高级核保师", "2019-04", "至今"),
                     job("中国平安人寿保险股份有限公司", "核保专员", "2016-07", "2019-03")],
            "years_experience": 9.0,
            "skills": ["核保", "理赔", "Excel"],
            "certificates": ["保险从业资格"],
            "languages": ["CET-4"],
        },
        sensitive=["1993年5月", "良好", "宗教"],
    ))

    cases.append(ResumeCase(
        "r03_wang_fang", "docx",
        [
            ("title", "王芳 Wang Fang"),
            ("line", "Mobile: 186-2233-4455 | Email: fang.wang@mail.com"),
            ("line", "婚姻状况：未婚 | 宗教信仰：无"),
            ("heading", "Work Experience 工作经历"),
            ("line", "2021/04 – Present | 渣打银行（中国）有限公司 | 高级客户经理"),
            ("para", "Managed a portfolio of 120 high-net-worth clients; AUM grew 35% in two years."),
            ("line", "2019/07 – 2021/03 | 汇丰银行（中国）有限公司 | Relationship Manager"),
            ("heading", "Education 教育背景"),
            ("table", [["学校", "学位", "专业", "时间"],
                       ["University of Manchester", "Master", "Finance", "2017/09 – 2018/12"],
                       ["对外经济贸易大学", "本科", "国际金融", "2013/09 – 2017/06"]]),
            ("heading", "Skills 技能"),
            ("line", "财富管理, CRM, Excel"),
            ("heading", "Certificates 证书"),
            ("line", "CFA Level III, AFP"),
            ("heading", "Languages 语言"),
            ("line", "IELTS 7.5"),
        ],
        {
            "name": "王芳", "phone": "18622334455", "email": "fang.wang@mail.com",
            "education": [edu("University of Manchester", "硕士", "Finance", "2017-09", "2018-12"),
                          edu("对外经济贸易大学", "本科", "国际金融", "2013-09", "2017-06")],
            "work": [job("渣打银行(中国)有限公司", "高级客户经理", "2021-04", "至今"),
                     job("汇丰银行(中国)有限公司", "Relationship Manager", "2019-07", "2021-03")],
            "years_experience": 6.0,
            "skills": ["财富管理", "CRM", "Excel"],
            "certificates": ["CFA Level III", "AFP"],
            "languages": ["IELTS 7.5"],
        },
        sensitive=["未婚", "宗教"],
    ))

    cases.append(ResumeCase(
        "r04_liu_yang", "png",
        [
            ("title", "刘洋"),
            ("heading", "一、基本信息"),
            ("line", "手机：150 1234 8765    电子邮箱：liuyang.research@qq.com"),
            ("heading", "二、工作经历"),
            ("line", "2021.03-至今    中国人寿资产管理有限公司    投资经理"),
            ("line", "2017.09-2020.12    华夏基金管理有限公司    基金经理助理"),
            ("line", "2014.07-2017.12    中信证券股份有限公司    行业研究员"),
            ("heading", "三、教育背景"),
            ("line", "2012.09-2014.06    北京大学    经济学    硕士"),
            ("line", "2008.09-2012.06    武汉大学    数学与应用数学    本科"),
            ("heading", "四、专业技能"),
            ("line", "行业研究、估值建模、Wind、Python"),
            ("heading", "五、资格证书"),
            ("line", "CFA、证券从业资格、基金从业资格；英语六级"),
        ],
        {
            "name": "刘洋", "phone": "15012348765", "email": "liuyang.research@qq.com",
            "education": [edu("北京大学", "硕士", "经济学", "2012-09", "2014-06"),
                          edu("武汉大学", "本科", "数学与应用数学", "2008-09", "2012-06")],
            "work": [job("中国人寿资产管理有限公司", "投资经理", "2021-03", "至今"),
                     job("华夏基金管理有限公司", "基金经理助理", "2017-09", "2020-12"),
                     job("中信证券股份有限公司", "行业研究员", "2014-07", "2017-12")],
            "years_experience": 10.8,
            "skills": ["行业研究", "估值建模", "Wind", "Python"],
            "certificates": ["CFA", "证券从业资格", "基金从业资格"],
            "languages": ["CET-6"],
        },
        rotate=90,
    ))

    cases.append(ResumeCase(
        "r05_chen_jing", "png",
        [
            ("title", "陈静"),
            ("line", "电话：１３６１１２２３３４４　　邮箱：chenjing@bankmail.cn"),
            ("line", "民族：回族　　健康状况：健康"),
            ("heading", "■ 工作经历"),
            ("line", "2022年9月－至今　北京银行股份有限公司中关村支行　理财经理"),
            ("line", "2020年7月－2022年8月　北京银行股份有限公司　柜员"),
            ("heading", "■ 教育经历"),
            ("line", "2016年9月－2020年6月　首都经济贸易大学　会计学　本科"),
            ("heading", "■ 技能"),
            ("line", "柜面业务、理财产品销售、反洗钱"),
            ("heading", "■ 证书"),
            ("line", "银行从业资格、AFP、大学英语四级"),
        ],
        {
            "name": "陈静", "phone": "13611223344", "email": "chenjing@bankmail.cn",
            "education": [edu("首都经济贸易大学", "本科", "会计学", "2016-09", "2020-06")],
            "work": [job("北京银行股份有限公司中关村支行", "理财经理", "2022-09", "至今"),
                     job("北京银行股份有限公司", "柜员", "2020-07", "2022-08")],
            "years_experience": 5.0,
            "skills": ["柜面业务", "理财产品销售", "反洗钱"],
            "certificates": ["银行从业资格", "AFP"],
            "languages": ["CET-4"],
        },
        rotate=180, noise=True, sensitive=["回族", "健康状况"],
    ))

    cases.append(ResumeCase(
        "r06_zhao_lei", "scan_pdf",
        [
            ("title", "赵磊  个人简历"),
            ("line", "手机：13698765432    邮箱：zhaolei.credit@126.com"),
            ("line", "出生年月：1988.03    政治面貌：群众"),
            ("heading", "工作经历"),
            ("line", "2021.01-至今    深圳前海微众银行股份有限公司    风险策略专家"),
            ("para", "搭建小微企业贷款风险策略体系，管理3人策略小组，月均审批额度提升20%。"),
            ("line", "2016.07-2020.12    平安银行股份有限公司    授信审批经理"),
            ("para", "负责对公授信项目的审查审批，累计审批授信金额超过80亿元。"),
            ("line", "2012.07-2016.06    中国工商银行股份有限公司深圳分行    对公客户经理"),
            ("pagebreak",),
            ("heading", "教育背景"),
            ("line", "2010.09-2012.06    中山大学    金融学    硕士"),
            ("line", "2006.09-2010.06    暨南大学    会计学    学士"),
            ("heading", "专业技能"),
            ("line", "信贷审批、风险控制、SQL、团队管理"),
            ("heading", "证书与语言"),
            ("line", "注册会计师（CPA）、银行从业资格、英语六级"),
        ],
        {
            "name": "赵磊", "phone": "13698765432", "email": "zhaolei.credit@126.com",
            "education": [edu("中山大学", "硕士", "金融学", "2010-09", "2012-06"),
                          edu("暨南大学", "本科", "会计学", "2006-09", "2010-06")],
            "work": [job("深圳前海微众银行股份有限公司", "风险策略专家", "2021-01", "至今"),
                     job("平安银行股份有限公司", "授信审批经理", "2016-07", "2020-12"),
                     job("中国工商银行股份有限公司深圳分行", "对公客户经理", "2012-07", "2016-06")],
            "years_experience": 13.0,
            "skills": ["信贷审批", "风险控制", "SQL", "团队管理"],
            "certificates": ["CPA", "银行从业资格"],
            "languages": ["CET-6"],
        },
        noise=True, sensitive=["1988", "群众"],
    ))

    cases.append(ResumeCase(
        "r07_sun_li", "text_pdf",
        [
            ("title", "孙丽 SUN Li"),
            ("line", "Phone: (+86) 158 6677 8899    Email: sunli.actuary@outlook.com"),
            ("line", "Gender: Female    Age: 31    Marital Status: Married"),
            ("heading", "PROFESSIONAL EXPERIENCE 工作经历"),
            ("line", "Jul 2018 - Present    安盛天平财产保险有限公司    精算分析师"),
            ("para", "Built pricing models for motor insurance in R and Python; led the 2023 reserve review."),
            ("line", "Mar 2016 - Jun 2018    德勤华永会计师事务所    审计员"),
            ("heading", "EDUCATION 教育背景"),
            ("line", "2012.09 - 2016.06    南开大学    精算学    本科 (Bachelor)"),
            ("heading", "SKILLS 技能"),
            ("line", "精算建模 / R / Python / Excel VBA"),
            ("heading", "CERTIFICATES 证书"),
            ("line", "CPA, ACCA"),
            ("heading", "LANGUAGES 语言"),
            ("line", "TOEFL 105, CET-6"),
        ],
        {
            "name": "孙丽", "phone": "15866778899", "email": "sunli.actuary@outlook.com",
            "education": [edu("南开大学", "本科", "精算学", "2012-09", "2016-06")],
            "work": [job("安盛天平财产保险有限公司", "精算分析师", "2018-07", "至今"),
                     job("德勤华永会计师事务所", "审计员", "2016-03", "2018-06")],
            "years_experience": 9.3,
            "skills": ["精算建模", "R", "Python", "Excel VBA"],
            "certificates": ["CPA", "ACCA"],
            "languages": ["TOEFL 105", "CET-6"],
        },
        sensitive=["Female", "Married", "Age"],
    ))

    cases.append(ResumeCase(
        "r08_zhou_min", "docx",
        [
            ("title", "周敏的简历"),
            ("line", "联系电话：137-0099-1122"),
            ("line", "电子邮箱：zhoumin@picc-mail.com"),
            ("line", "年龄：27    婚育状况：已婚已育"),
            ("heading", "工作经验"),
            ("line", "2019年7月 - 现在    中国人民财产保险股份有限公司    理赔专员"),
            ("para", "负责车险案件查勘定损与理赔审核，年均处理案件600余件，客户满意度98%。"),
            ("heading", "教育经历"),
            ("line", "2015年9月—2019年6月    西南财经大学    保险学    本科"),
            ("heading", "技能特长"),
            ("line", "熟练掌握车险理赔、Excel、沟通协调"),
            ("heading", "证书"),
            ("line", "保险从业资格"),
            ("heading", "语言"),
            ("line", "英语四级"),
        ],
        {
            "name": "周敏", "phone": "13700991122", "email": "zhoumin@picc-mail.com",
            "education": [edu("西南财经大学", "本科", "保险学", "2015-09", "2019-06")],
            "work": [job("中国人民财产保险股份有限公司", "理赔专员", "2019-07", "至今")],
            "years_experience": 6.0,
            "skills": ["车险理赔", "Excel", "沟通协调"],
            "certificates": ["保险从业资格"],
            "languages": ["CET-4"],
        },
        sensitive=["已婚", "已育", "27"],
    ))

    cases.append(ResumeCase(
        "r09_wu_hao", "png",
        [
            ("title", "吴昊"),
            ("columns",
             [
                 ("heading", "联系方式"),
                 ("line", "电话 13712345678"),
                 ("line", "邮箱 wuhao.ml@gmail.com"),
                 ("heading", "技能"),
                 ("line", "Python"),
                 ("line", "Spark"),
                 ("line", "机器学习"),
                 ("line", "反欺诈"),
                 ("heading", "语言"),
                 ("line", "CET-6"),
                 ("line", "IELTS 7.0"),
             ],
             [
                 ("heading", "工作经历"),
                 ("line", "2019.06-至今 蚂蚁科技集团股份有限公司"),
                 ("line", "高级算法工程师"),
                 ("para", "负责支付风控反欺诈模型，带领4人团队上线实时图模型。"),
                 ("line", "2017.03-2019.05 京东科技控股股份有限公司"),
                 ("line", "数据分析师"),
                 ("heading", "教育背景"),
                 ("line", "2014.09-2017.03 浙江大学"),
                 ("line", "计算机科学与技术 硕士"),
                 ("line", "2010.09-2014.06 浙江工业大学"),
                 ("line", "软件工程 本科"),
             ]),
        ],
        {
            "name": "吴昊", "phone": "13712345678", "email": "wuhao.ml@gmail.com",
            "education": [edu("浙江大学", "硕士", "计算机科学与技术", "2014-09", "2017-03"),
                          edu("浙江工业大学", "本科", "软件工程", "2010-09", "2014-06")],
            "work": [job("蚂蚁科技集团股份有限公司", "高级算法工程师", "2019-06", "至今"),
                     job("京东科技控股股份有限公司", "数据分析师", "2017-03", "2019-05")],
            "years_experience": 8.3,
            "skills": ["Python", "Spark", "机器学习", "反欺诈"],
            "certificates": [],
            "languages": ["CET-6", "IELTS 7.0"],
        },
    ))

    cases.append(ResumeCase(
        "r10_zheng_xin", "jpg_exif",
        [
            ("title", "郑欣 个人简历"),
            ("line", "手机：18800001111  邮箱：zhengxin.dev@foxmail.com"),
            ("heading", "教育背景"),
            ("line", "2018.09-2021.06  上海交通大学  软件工程  硕士"),
            ("line", "2014.09-2018.06  南京大学  计算机科学与技术  本科"),
            ("heading", "工作经历"),
            ("line", "2021.07-至今  交通银行股份有限公司  金融科技工程师"),
            ("para", "参与核心系统微服务改造，负责支付清算模块的Java开发与性能优化。"),
            ("heading", "专业技能"),
            ("line", "Java、Python、SQL、微服务"),
            ("heading", "语言"),
            ("line", "英语六级"),
        ],
        {
            "name": "郑欣", "phone": "18800001111", "email": "zhengxin.dev@foxmail.com",
            "education": [edu("上海交通大学", "硕士", "软件工程", "2018-09", "2021-06"),
                          edu("南京大学", "本科", "计算机科学与技术", "2014-09", "2018-06")],
            "work": [job("交通银行股份有限公司", "金融科技工程师", "2021-07", "至今")],
            "years_experience": 4.0,
            "skills": ["Java", "Python", "SQL", "微服务"],
            "certificates": [],
            "languages": ["CET-6"],
        },
    ))

    cases.append(ResumeCase(
        "r11_huang_jie", "text_pdf",
        [
            ("title", "黄杰"),
            ("line", "电话：135 7788 9900    邮箱：huangjie.credit@sina.com"),
            ("heading", "工作经历"),
            ("line", "2017.03 - 今    兴业银行股份有限公司    信贷审批主管"),
            ("para", "主管小微企业信贷审批，带领8人审批团队，年审批贷款30亿元。"),
            ("line", "2013年 - 2016年    中国农业银行股份有限公司    信贷员"),
            ("heading", "教育背景"),
            ("line", "2010.09-2013.06    广东金融学院    金融管理    大专"),
            ("heading", "技能"),
            ("line", "信贷审批；贷后管理；风险控制"),
            ("heading", "证书"),
            ("line", "银行从业资格、中级经济师"),
        ],
        {
            "name": "黄杰", "phone": "13577889900", "email": "huangjie.credit@sina.com",
            "education": [edu("广东金融学院", "大专", "金融管理", "2010-09", "2013-06")],
            "work": [job("兴业银行股份有限公司", "信贷审批主管", "2017-03", "至今"),
                     job("中国农业银行股份有限公司", "信贷员", "2013", "2016")],
            "years_experience": 12.3,
            "skills": ["信贷审批", "贷后管理", "风险控制"],
            "certificates": ["银行从业资格", "中级经济师"],
            "languages": [],
        },
    ))

    cases.append(ResumeCase(
        "r12_lin_yu", "scan_pdf",
        [
            ("title", "林雨"),
            ("line", "手机：159-8765-4321    邮箱：linyu.wealth@163.com"),
            ("line", "籍贯：福建福州    身高：165cm"),
            ("heading", "教育背景"),
            ("line", "2018.9-2020.6    厦门大学    金融学    硕士"),
            ("line", "2014.9-2018.6    福州大学    经济学    本科"),
            ("heading", "工作经历"),
            ("line", "2023.4-至今    宁波银行股份有限公司    私人银行顾问"),
            ("line", "2020.9-2023.3    中国邮政储蓄银行股份有限公司    客户经理"),
            ("heading", "技能"),
            ("line", "财富管理、资产配置、客户开发"),
            ("heading", "证书"),
            ("line", "基金从业资格、证券从业资格、银行从业资格"),
            ("heading", "语言"),
            ("line", "英语六级、日语N2"),
        ],
        {
            "name": "林雨", "phone": "15987654321", "email": "linyu.wealth@163.com",
            "education": [edu("厦门大学", "硕士", "金融学", "2018-09", "2020-06"),
                          edu("福州大学", "本科", "经济学", "2014-09", "2018-06")],
            "work": [job("宁波银行股份有限公司", "私人银行顾问", "2023-04", "至今"),
                     job("中国邮政储蓄银行股份有限公司", "客户经理", "2020-09", "2023-03")],
            "years_experience": 4.8,
            "skills": ["财富管理", "资产配置", "客户开发"],
            "certificates": ["基金从业资格", "证券从业资格", "银行从业资格"],
            "languages": ["CET-6", "日语N2"],  # as the résumé writes it (matching compares the canonical JLPT N2)
        },
        rotate=270, noise=True, sensitive=["籍贯", "身高", "165"],
    ))
    return cases


CASES = _cases()


# --- rendering -----------------------------------------------------------------------------------

def _font(size: int):
    from PIL import ImageFont

    return ImageFont.truetype(FONT_PATH, size)


def _wrap(text: str, font, width: int) -> list[str]:
    lines, current = [], ""
    for ch in text:
        if font.getlength(current + ch) > width and current:
            lines.append(current)
            current = ch
        else:
            current += ch
    if current:
        lines.append(current)
    return lines


def _draw_blocks(draw, blocks, x0: int, x1: int, y: int, size: int, pitch: int) -> int:
    body, head, title = _font(size), _font(size + 4), _font(size + 16)
    for block in blocks:
        kind = block[0]
        if kind == "title":
            draw.text((x0, y), block[1], font=title, fill=0)
            y += pitch + 30
        elif kind == "heading":
            y += pitch // 3
            draw.text((x0, y), block[1], font=head, fill=0)
            y += pitch + 4
        elif kind == "line":
            draw.text((x0, y), block[1], font=body, fill=0)
            y += pitch
        elif kind == "para":
            for part in _wrap(block[1], body, x1 - x0):
                draw.text((x0, y), part, font=body, fill=0)
                y += pitch
        elif kind == "table":
            widths = [max(body.getlength(row[i]) for row in block[1]) for i in range(len(block[1][0]))]
            for row in block[1]:
                x = x0
                for cell, width in zip(row, widths):
                    draw.text((x, y), cell, font=body, fill=0)
                    x += int(width) + 60
                y += pitch
    return y


def render_pages(case: ResumeCase):
    """The résumé as upright greyscale PIL page images."""
    from PIL import Image, ImageDraw

    pages, current = [], []
    for block in case.blocks:
        if block[0] == "pagebreak":
            pages.append(current)
            current = []
        else:
            current.append(block)
    pages.append(current)
    images = []
    for blocks in pages:
        image = Image.new("L", (PAGE_W, PAGE_H), 255)
        draw = ImageDraw.Draw(image)
        y = MARGIN
        for block in blocks:
            if block[0] == "columns":
                # Sidebar in a smaller font on its own line pitch, main column beside it.
                _draw_blocks(draw, block[1], MARGIN, 400, y, 22, 38)
                _draw_blocks(draw, block[2], 470, PAGE_W - MARGIN, y, 26, 47)
            else:
                y = _draw_blocks(draw, [block], MARGIN, PAGE_W - MARGIN, y, 26, 46)
        images.append(image)
    return images


def _scan(image, seed: int):
    """Greyish paper, sensor noise, slight blur and a hair of skew."""
    import numpy as np
    from PIL import Image, ImageFilter

    rng = np.random.default_rng(seed)
    skewed = image.rotate(0.3, resample=Image.BICUBIC, fillcolor=255)
    pixels = np.asarray(skewed, dtype=np.float32) * 0.88 + 18
    pixels += rng.normal(0, 10, pixels.shape)
    noisy = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    return noisy.filter(ImageFilter.GaussianBlur(0.6))


def _photo_pages(case: ResumeCase):
    pages = render_pages(case)
    seed = sum(map(ord, case.case_id))
    out = []
    for image in pages:
        if case.noise:
            image = _scan(image, seed)
        if case.rotate:
            image = image.rotate(case.rotate, expand=True, fillcolor=255)
        out.append(image)
    return out


def render_bytes(case: ResumeCase) -> bytes:
    buffer = io.BytesIO()
    if case.fmt == "png":
        _photo_pages(case)[0].save(buffer, format="PNG", optimize=False)
    elif case.fmt == "jpg_exif":
        # Pixels stored turned, with an EXIF orientation tag telling a viewer how to show them upright.
        from PIL import Image

        image = render_pages(case)[0]
        stored = image.transpose(Image.Transpose.ROTATE_90)  # counter-clockwise 90
        exif = Image.Exif()
        exif[0x0112] = 6  # "rotate 90 CW to display"
        stored.convert("RGB").save(buffer, format="JPEG", quality=88, exif=exif.tobytes())
    elif case.fmt == "scan_pdf":
        pages = [page.convert("RGB") for page in _photo_pages(case)]
        pages[0].save(buffer, format="PDF", resolution=150, save_all=True, append_images=pages[1:])
    elif case.fmt == "text_pdf":
        buffer.write(_text_pdf(case))
    elif case.fmt == "docx":
        _docx(case, buffer)
    else:
        raise ValueError(case.fmt)
    return buffer.getvalue()


def _flat_blocks(blocks):
    for block in blocks:
        if block[0] == "columns":
            yield from block[1]
            yield from block[2]
        elif block[0] != "pagebreak":
            yield block


def _text_pdf(case: ResumeCase) -> bytes:
    from fpdf import FPDF

    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # "BDF NOT subset" notes on the CJK font
    pdf = FPDF(format="A4")
    pdf.set_margins(18, 18, 18)
    pdf.add_font("wqy", fname=FONT_PATH, collection_font_number=0)
    pdf.add_page()
    for block in _flat_blocks(case.blocks):
        kind = block[0]
        if kind == "title":
            pdf.set_font("wqy", size=18)
            pdf.multi_cell(0, 11, block[1], new_x="LMARGIN", new_y="NEXT")
        elif kind == "heading":
            pdf.set_font("wqy", size=13)
            pdf.ln(3)
            pdf.multi_cell(0, 8, block[1], new_x="LMARGIN", new_y="NEXT")
        elif kind in {"line", "para"}:
            pdf.set_font("wqy", size=10.5)
            pdf.multi_cell(0, 6.5, block[1], new_x="LMARGIN", new_y="NEXT")
        elif kind == "table":
            pdf.set_font("wqy", size=10.5)
            for row in block[1]:
                pdf.multi_cell(0, 6.5, "    ".join(row), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _docx(case: ResumeCase, buffer) -> None:
    import docx

    document = docx.Document()
    for block in _flat_blocks(case.blocks):
        kind = block[0]
        if kind == "title":
            document.add_heading(block[1], level=0)
        elif kind == "heading":
            document.add_heading(block[1], level=1)
        elif kind in {"line", "para"}:
            document.add_paragraph(block[1])
        elif kind == "table":
            rows = block[1]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
    document.save(buffer)


@dataclass
class RenderedResume:
    case: ResumeCase
    path: Path

    @property
    def data(self) -> bytes:
        return self.path.read_bytes()


def write_resumes(folder: str | Path) -> list[RenderedResume]:
    """Renders every case into folder, with expected.json beside them."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rendered = []
    for case in CASES:
        path = folder / case.filename
        path.write_bytes(render_bytes(case))
        rendered.append(RenderedResume(case, path))
    expected = {case.case_id: case.expected for case in CASES}
    (folder / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1), encoding="utf-8")
    return rendered


# --- hostile inputs ------------------------------------------------------------------------------

def png_bomb(side: int = 30000) -> bytes:
    """A small 1-bit PNG whose header claims side×side pixels (real, zero-filled IDAT)."""
    import struct
    import zlib

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))

    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + (side + 7) // 8)
    body = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def many_pages_pdf(pages: int) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "resumes")
    for item in write_resumes(target):
        print(item.path, item.path.stat().st_size)
    print(textwrap.dedent(f"expected fields: {target / 'expected.json'}"))
