"""Unbound extension objects, bound in create_app."""
from flask_babel import Babel
from flask_login import LoginManager
from flask_sqlalchemy_lite import SQLAlchemy
from flask_wtf.csrf import CSRFProtect

db = SQLAlchemy(session_options={"expire_on_commit": False})
login_manager = LoginManager()
babel = Babel()
csrf = CSRFProtect()
