from datetime import date

from ninja import Schema


class ObjectiveOut(Schema):
    code: str
    name_en: str
    name_fr: str
    description_en: str
    description_fr: str


class RegionOut(Schema):
    code: str
    name_en: str
    name_fr: str
    regional_office: str


class CountryOut(Schema):
    code: str
    name: str
    region: str


class CentreTypeOut(Schema):
    code: str
    name_en: str
    name_fr: str
    ownership: str
    scopes: list[str]
    objectives: list[str]
    cost_class: str
    resource_model_en: str
    resource_model_fr: str
    observation_en: str
    observation_fr: str


class MilestoneOut(Schema):
    id: int
    date: date
    title_en: str
    title_fr: str
    description_en: str
    description_fr: str
    location: str


class MeOut(Schema):
    email: str
    full_name: str
    roles: list[str]
    organisations: list[str]


class ErrorOut(Schema):
    code: str
    message: str
