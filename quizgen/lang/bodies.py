"""Bodies and roles a rule names: organs (保卫处, 市场监督管理部门, 人民法院) and people
(分管领导, 单位主要负责人), and the verbs by which they answer for something (由X负责,
经X批准, 报X备案, 向X报告)."""

from __future__ import annotations

import re

MAX_BODY = 16  # characters of a body's name before its head (部门, 处, 领导…)
PERSON = r"(?:总监|部长|主任|负责人|责任人|管理层|领导|经理|主管|局长|厅长|院长|秘书长|书记)"
ORGAN = (r"(?:部门|机关|机构|委员会|办公室|办公厅|人民政府|政府|人民法院|法院|人民检察院|检察院|公安机关|"
         r"管理局|局|厅|中心|工会|小组|代表大会|主席团|海关|档案馆|部|处|科|室|单位|组织)")
BODY = rf"(?:[\u4e00-\u9fffA-Za-z（）()]{{1,{MAX_BODY}}}?(?:{PERSON}|{ORGAN})|海关|主席团)"
DUTY_VERBS = (r"(?:负责(?!人)|批准|审批|审核|审定|备案|决定|同意|认定|确定|报告|申请|投诉|举报|组织|指导|监督|管理|受理|"
              r"保管|办理|核准|签发|登记)")
# who answers for it: 由X负责 / 经X批准 / 报X备案 / 向X报告 / X负责…
ROLE = re.compile(rf"(?:由|经过?|报请|报经|报|向|会同)(?P<body>{BODY})(?=(?:统一)?{DUTY_VERBS})")
# (负责 then 人 is a role's name, no duty: 实行单位负责人和工作人员分级负责制 names no body 实行单位)
SUBJECT = re.compile(rf"(?:^|[，。；：])(?P<body>{BODY})(?=(?:应当|负责(?!人)|可以|依法|有权|会同|统一|组织|主管))")
# words no name of a body holds: 具体办法由…部门, 的, 和 (two bodies), 前款
# (本单位, 本机关: the text's own unit, named by no one; 告本单位 is cut out of 报告本单位. fresh16: the
# false statements that swapped one were discarded)
NOT_A_NAME = re.compile(r"的|由|向|经|报|请|对|在|将|把|和|与|或|及|并|前款|上述|发现|具体|其|该"
                        r"|本(?:单位|机关|部门|机构|组织|系统)")
# 有关部门, 相关单位: a placeholder for bodies the text does not name, no body to ask or to swap (会同人民法院
# for 会同有关部门 was judged absurd); 有关主管部门 names a kind of body and stays one
PLACEHOLDER = re.compile(r"(?:其他)?(?:有关|相关)(?:部门|单位|机关|机构|组织|方面)")
# a body the text describes without naming it (有关行政管理部门, 相关主管部门, 其他有关机关): a finder may keep
# it as a body, but no question asks it or swaps it: any body the text names may be one of them
# (a true/false statement with such a swap: 0 of 8 judged kept)
DESCRIBED = re.compile(r"(?:其他)?(?:有关|相关)")
# a body and the verb of its duty as one span: 保卫处报告, 法务部保管, 分管领导审核, 人民政府给予奖励
BODY_AND_VERB = re.compile(rf"(?P<body>{BODY})(?P<verb>(?:统一)?(?:{DUTY_VERBS}|规划|公告|追偿)"
                           rf"|(?:给予|承担|予以)[\u4e00-\u9fff]{{0,4}})")
# after 由 or 经, whoever the rule names and what it does, as one span: 由[更新义务者承担], 由[有权机关
# 责令改正], 经[成员大会决议确定] (fresh22/23: "the blank takes the verb along with the body"); the
# doer needs no head of an organ's name here, the preposition says it is one
AGENT_MARKERS = ("由", "经", "经过", "向")  # (向[人民法院提出申请]: to whom a matter goes)
_AGENT_VERB = (rf"(?:依法|另行|统一|共同|协商|自行)?(?:{DUTY_VERBS}|给予|承担|予以|责令|解决|规定|处理|确认|审理|执行|实施"
               r"|制定|协商|追偿|公告|规划|收取|支付|补偿|赔偿|作出|提出|提交|提起|反映)")
AGENT_AND_VERB = re.compile(rf"(?P<body>[\u4e00-\u9fffA-Za-z（）()]{{2,{MAX_BODY}}}?)(?P<verb>{_AGENT_VERB}[\u4e00-\u9fff]{{0,4}})")
ACTION = re.compile(rf"{_AGENT_VERB}$")  # a doer's name ends with no verb of what is done (经[核准]登记 is no doer)
# the verb that sends a matter to a body and the body as one span: 报市人民政府, 到公安机关
VERB_AND_BODY = re.compile(rf"(?P<verb>报请|报经|报送|报告|报|提请|送交|移送|交由|到|接受|委托|会同)(?P<body>{BODY})")


def is_person(body: str) -> bool:
    """分管领导, 单位主要负责人: a person's role, not an organ."""
    return re.search(rf"{PERSON}$", body) is not None


# the units rules are for (建设单位, 医疗机构, 工会) against bodies that rule (人民政府, 主管部门,
# 海事管理机构, a company's 法务部): a plan approved by 市人民政府 is not approved by 建设单位 in
# anyone's belief, so one is no wrong option for the other
_UNIT = re.compile(r"(?:单位|企业|公司|(?<!管理|行政|执法|主管|监督|监察|审批|登记|工作|派出)机构|组织|工会|协会|学会|医院|学校|中心|小组)$")


def body_kind(body: str) -> str:
    """``person`` (分管领导), ``unit`` (建设单位, 医疗机构) or ``authority`` (县级以上人民政府,
    海事管理机构, 保卫处): the kinds a wrong option must share with the right one."""
    if is_person(body):
        return "person"
    return "unit" if _UNIT.search(body) else "authority"
